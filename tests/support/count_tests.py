#!/usr/bin/env python3
"""Counts test cases from meson's testlog.json: a doctest executable counts
its cases, any other test counts one. Prints 'PASSED FAILED'."""
import json
import re
import sys

summary = re.compile(r"test cases:\s*(\d+)\s*\|\s*(\d+) passed\s*\|\s*(\d+) failed")
passed = failed = 0
for path in sys.argv[1:]:
    with open(path, encoding="utf-8", errors="replace") as log:
        for line in log:
            if not line.strip():
                continue
            entry = json.loads(line)
            found = summary.findall(entry.get("stdout", "") or "")
            ok = entry.get("result") in ("OK", "EXPECTEDFAIL")
            if found:
                _, p, f = found[-1]
                passed += int(p)
                failed += int(f)
                if not ok and int(f) == 0:
                    failed += 1  # crashed or exited non-zero after its summary
            elif ok:
                passed += 1
            elif entry.get("result") != "SKIP":
                failed += 1
print(passed, failed)
