#!/usr/bin/env python3
"""Compile cost of including ddbexport (issue 7, item 3).

Compiles three translation units, each several times, and compares the CPU
time the compiler takes (user + sys of the child, which load on a shared
machine disturbs much less than wall time):

  umbrella   #include <ddbexport/ddbexport.hpp>            and nothing else
  standard   the standard headers the umbrella pulls in     and nothing else
  empty      nothing (the compiler's fixed start-up cost, for context)

The standard-header list is computed, not written down: every `#include <...>`
in the headers reachable from the umbrella through `#include "ddbexport/..."`.
Issue 14 bounds: umbrella <= 1.3 x standard; the model and validator
headers without the JSON engine (`core`: every top-level model header and
<ddbexport/validate/validate.hpp>, none of which reaches ddbexport/json/)
<= 1.15 x their standard headers.

With --each-header, every public header (not under a detail/ folder) is
also measured alone against its own standard headers (--header-reps times).

Usage: include_cost.py [--root DIR] [--cxx g++ --cxx clang++] [--reps N]
                       [--each-header] [--header-reps N]
                       [--flags "-std=c++20 -O2"] [--out results.json]
CXX (environment) is the default compiler.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import resource
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

QUOTED = re.compile(r'^\s*#\s*include\s+"(ddbexport/[^"]+)"', re.M)
ANGLED = re.compile(r'^\s*#\s*include\s+<([^>]+)>', re.M)


def standard_headers(include_dir: Path, start: list[str] | None = None) -> tuple[list[str], list[str]]:
    """The library headers reachable from `start` (the umbrella), and the standard headers they include."""
    seen: list[str] = []
    std: set[str] = set()
    todo = list(start or ["ddbexport/ddbexport.hpp"])
    while todo:
        name = todo.pop()
        if name in seen:
            continue
        seen.append(name)
        text = (include_dir / name).read_text(encoding="utf-8")
        todo.extend(QUOTED.findall(text))
        std.update(ANGLED.findall(text))
    return sorted(seen), sorted(std)


def cpu_seconds(cmd: list[str]) -> float:
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    subprocess.run(cmd, check=True)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def public_headers(include_dir: Path) -> list[str]:
    """Every header a user may include: all but those under a detail/ folder."""
    return sorted(str(p.relative_to(include_dir)) for p in include_dir.rglob("*.hpp") if "detail" not in p.parts)


def core_headers(include_dir: Path) -> list[str]:
    """The model and the validators: top-level headers and validate/validate.hpp, minus any that reach json/."""
    chosen = []
    for name in [h for h in public_headers(include_dir) if h.count("/") == 1] + ["ddbexport/validate/validate.hpp"]:
        if name == "ddbexport/ddbexport.hpp":
            continue
        reached, _ = standard_headers(include_dir, [name])
        if not any(r.startswith("ddbexport/json/") for r in reached):
            chosen.append(name)
    return chosen


def includes(names: list[str]) -> str:
    return "".join(f"#include <{h}>\n" for h in names)


def measure_pairs(cxx: str, flags: list[str], include_dir: Path, tmp: Path, subjects: dict[str, list[str]],
                  reps: int) -> dict:
    """Each subject (a list of library headers) against the standard headers it reaches, interleaved."""
    sources: dict[str, Path] = {}
    for i, (name, headers) in enumerate(subjects.items()):
        _, std = standard_headers(include_dir, headers)
        sources[name] = tmp / f"subject{i}.cpp"
        sources[name].write_text(includes(headers))
        sources[name + " (std)"] = tmp / f"subject{i}_std.cpp"
        sources[name + " (std)"].write_text(includes(std))
    m = {k: statistics.median(v) for k, v in cpu_times(cxx, flags, include_dir, sources, reps).items()}
    return {name: {"library": m[name], "standard": m[name + " (std)"], "ratio": m[name] / m[name + " (std)"]}
            for name in subjects}


def cpu_times(cxx: str, flags: list[str], include_dir: Path, sources: dict[str, Path], reps: int) -> dict:
    times: dict[str, list[float]] = {k: [] for k in sources}
    for _ in range(reps):
        # Interleaved, so a change in machine load hits every TU alike.
        for kind, src in sources.items():
            cmd = [cxx, *flags, "-I", str(include_dir), "-c", str(src), "-o", os.devnull]
            times[kind].append(cpu_seconds(cmd))
    return times


def measure(cxx: str, flags: list[str], include_dir: Path, sources: dict[str, Path], reps: int) -> dict:
    times = cpu_times(cxx, flags, include_dir, sources, reps)
    med = {k: statistics.median(v) for k, v in times.items()}
    return {
        "compiler": cxx,
        "version": subprocess.run([cxx, "--version"], capture_output=True, text=True).stdout.splitlines()[0],
        "flags": " ".join(flags),
        "reps": reps,
        "seconds": times,
        "median": med,
        "ratio_umbrella_vs_standard": med["umbrella"] / med["standard"],
        # What each adds over an empty TU: the part a user pays per TU.
        "ratio_over_empty": (med["umbrella"] - med["empty"]) / max(med["standard"] - med["empty"], 1e-9),
    }


def main() -> int:
    here = Path(__file__).resolve().parent
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--root", default=os.environ.get("DDBEXPORT_ROOT", str(here.parent.parent)))
    ap.add_argument("--cxx", action="append", help="compiler (repeatable); default $CXX or g++")
    ap.add_argument("--reps", type=int, default=7)
    ap.add_argument("--flags", default="-std=c++20 -O2")
    ap.add_argument("--out", help="write the results as JSON here")
    ap.add_argument("--target", type=float, default=1.3)
    ap.add_argument("--core-target", type=float, default=1.15)
    ap.add_argument("--each-header", action="store_true", help="also measure every public header alone")
    ap.add_argument("--header-reps", type=int, default=3)
    args = ap.parse_args()

    include_dir = Path(args.root) / "include"
    headers, std = standard_headers(include_dir)
    compilers = args.cxx or [os.environ.get("CXX") or "g++"]
    flags = args.flags.split()

    with tempfile.TemporaryDirectory() as tmp:
        sources = {
            "umbrella": Path(tmp) / "umbrella.cpp",
            "standard": Path(tmp) / "standard.cpp",
            "empty": Path(tmp) / "empty.cpp",
        }
        sources["umbrella"].write_text("#include <ddbexport/ddbexport.hpp>\n")
        sources["standard"].write_text("".join(f"#include <{h}>\n" for h in std))
        sources["empty"].write_text("// nothing\n")
        results = [measure(cxx, flags, include_dir, sources, args.reps) for cxx in compilers]
        core = core_headers(include_dir)
        for r in results:
            r["core"] = measure_pairs(r["compiler"], flags, include_dir, Path(tmp), {"core": core}, args.reps)["core"]
            if args.each_header:
                r["headers"] = measure_pairs(r["compiler"], flags, include_dir, Path(tmp),
                                             {h: [h] for h in public_headers(include_dir)}, args.header_reps)

    print(f"umbrella reaches {len(headers)} ddbexport headers and {len(std)} standard headers:")
    print("  " + " ".join(f"<{h}>" for h in std))
    status = 0
    for r in results:
        m = r["median"]
        verdict = "met" if r["ratio_umbrella_vs_standard"] <= args.target else "MISSED"
        print(f"{r['version']} ({r['flags']}, median of {r['reps']} CPU times):")
        print(f"  empty TU {m['empty']:.3f} s, standard headers {m['standard']:.3f} s, umbrella {m['umbrella']:.3f} s")
        print(f"  umbrella / standard = {r['ratio_umbrella_vs_standard']:.3f} (target <= {args.target}: {verdict});"
              f" over an empty TU: {r['ratio_over_empty']:.3f}")
        c = r["core"]
        verdict = "met" if c["ratio"] <= args.core_target else "MISSED"
        print(f"  model + validators without JSON: {c['library']:.3f} s vs its standard headers {c['standard']:.3f} s"
              f" = {c['ratio']:.3f} (target <= {args.core_target}: {verdict})")
        for name, h in r.get("headers", {}).items():
            print(f"    {h['ratio']:6.2f}x  {h['library']:.3f} s vs {h['standard']:.3f} s  <{name}>")
    if args.out:
        Path(args.out).write_text(json.dumps({"standard_headers": std, "library_headers": headers,
                                              "core_headers": core_headers(include_dir), "target": args.target,
                                              "core_target": args.core_target, "results": results},
                                             indent=2) + "\n")
    return status


if __name__ == "__main__":
    sys.exit(main())
