#!/usr/bin/env python3
"""Branch coverage of include/ counted like gcovr 5.2, but with every exception edge left out.

    python3 tests/proof/branch_coverage.py BUILD_DIR ROOT/include/ [--files] [--uncovered FILE...]

gcovr's --exclude-throw-branches drops an exception edge only when gcov's text
output labels it "(throw)", and gcov labels only branches of code that ran. A
header function compiled into several test objects gets one copy per object;
the copies no test ran keep their exception edges, and those count as
uncovered although no test could take them without a throwing allocation.
gcov's JSON output marks "throw": true on every exception edge, run or not, so
this count reads it instead and drops them all.

Everything else follows gcovr: branches are merged per source line, by their
index on that line, over every object and every function (template copy)
compiled from it; a branch counts as covered when any copy took it. Lines
holding only braces or comments are skipped, which is what gcovr's
--exclude-unreachable-branches does (those branches are compiler-generated).

Prints one row per file (covered/total, percent), then the line
    branches without exception edges: B % (covered/total)
--files prints the per-file rows; --uncovered FILE... lists, for every file whose
path ends with one of FILE, the lines with an untaken branch ([taken/total] source).
"""
import collections
import concurrent.futures
import glob
import json
import os
import re
import subprocess
import sys

_COMMENTS = (re.compile(r"//.*"), re.compile(r"/\*.*?\*/"))


def can_contain_branches(source):
    """False for a line that is empty but for braces (gcovr's test, same patterns)."""
    for pattern in _COMMENTS:
        source = pattern.sub("", source)
    return source.strip().replace(" ", "") not in ("", "{", "}", "{}")


def gcov_json(build, gcda):
    done = subprocess.run(["gcov", "--json-format", "--stdout", "-b", gcda], cwd=build,
                          capture_output=True, text=True, check=False)
    return [json.loads(doc) for doc in done.stdout.splitlines() if doc.strip()]


def main(argv):
    build = os.path.abspath(argv[0])
    prefix = os.path.abspath(argv[1])
    show_files = "--files" in argv[2:]
    wanted = argv[argv.index("--uncovered") + 1:] if "--uncovered" in argv else []
    # file -> line -> function -> [times taken, by branch index]
    taken = collections.defaultdict(lambda: collections.defaultdict(dict))
    gcdas = sorted(glob.glob(os.path.join(build, "**", "*.gcda"), recursive=True))
    if not gcdas:
        print("branch_coverage: no .gcda files under " + build, file=sys.stderr)
        return 1
    with concurrent.futures.ThreadPoolExecutor(max_workers=2) as pool:
        for docs in pool.map(lambda g: gcov_json(build, g), gcdas):
            for doc in docs:
                for f in doc["files"]:
                    path = os.path.normpath(os.path.join(build, f["file"]))
                    if not path.startswith(prefix):
                        continue
                    for line in f["lines"]:
                        counts = [b["count"] for b in line["branches"] if not b["throw"]]
                        if not counts:
                            continue
                        copy = taken[path][line["line_number"]].setdefault(line.get("function_name", ""), [])
                        for i, c in enumerate(counts):
                            if i < len(copy):
                                copy[i] += c
                            else:
                                copy.append(c)
    total = covered = 0
    for path in sorted(taken):
        with open(path, encoding="utf-8") as f:
            source = f.read().split("\n")
        file_total = file_covered = 0
        untaken = []
        for number in sorted(taken[path]):
            if not can_contain_branches(source[number - 1]):
                continue
            slots = collections.defaultdict(int)
            for copy in taken[path][number].values():
                for i, c in enumerate(copy):
                    slots[i] += c
            hit = sum(1 for c in slots.values() if c > 0)
            file_total += len(slots)
            file_covered += hit
            if hit < len(slots):
                untaken.append(f"  {number:5d} [{hit}/{len(slots)}] {source[number - 1].strip()[:150]}")
        total += file_total
        covered += file_covered
        if show_files:
            share = 100.0 * file_covered / file_total if file_total else 100.0
            print(f"{os.path.relpath(path, os.path.dirname(prefix.rstrip('/'))):60s} "
                  f"{file_covered:6d}/{file_total:<6d} {share:5.1f} %")
        if any(path.endswith(w) for w in wanted):
            print("\n".join(untaken))
    share = 100.0 * covered / total if total else 100.0
    print(f"branches without exception edges: {share:.1f} % ({covered}/{total})")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
