#!/usr/bin/env python3
"""A compile-fail test: SOURCE must not compile, and the compiler's
diagnostics must match PATTERN; with -DDDBEXPORT_COMPILE_FAIL_CONTROL it must
compile, so the failure has no other cause.

usage: compile_fail.py SOURCE PATTERN -- COMPILER [ARGS...]"""
import re
import subprocess
import sys

source, pattern = sys.argv[1], sys.argv[2]
compiler = sys.argv[sys.argv.index("--") + 1:]
command = compiler + ["-std=c++20", "-fsyntax-only", source]

broken = subprocess.run(command, capture_output=True, text=True)
control = subprocess.run(command + ["-DDDBEXPORT_COMPILE_FAIL_CONTROL"], capture_output=True, text=True)
failures = []
if broken.returncode == 0:
    failures.append(f"{source} compiled, but must not")
elif not re.search(pattern, broken.stderr):
    failures.append(f"the error does not match {pattern!r}:\n{broken.stderr[-3000:]}")
if control.returncode != 0:
    failures.append(f"the control build of {source} fails:\n{control.stderr[-3000:]}")
for failure in failures:
    print("FAILED:", failure)
print(f"[doctest] test cases: 1 | {0 if failures else 1} passed | {1 if failures else 0} failed")
sys.exit(1 if failures else 0)
