#!/usr/bin/env bash
# Line and branch coverage of include/ under the whole test suite (issue 15,
# item 1): g++ with --coverage at -O0 (optimised code maps poorly back to
# lines), every test but the packaging consumers (they build projects of
# their own, outside this build), then gcovr over include/ only.
#
#   bash tests/proof/coverage.sh [BUILD_DIR]     (default .build/coverage)
#
# Prints gcovr's summary and one line
#   coverage of include/: lines L % (c/t), branches B % (c/t) without exception
#   edges (gcovr's own count: G % (c/t))
# and writes BUILD_DIR/coverage.txt (gcovr: per file, uncovered lines listed)
# and BUILD_DIR/branch-coverage.txt (branch_coverage.py: per file).
# The properties run 1,000 cases each here (DDBEXPORT_RC_PARAMS overrides):
# coverage is about which code runs, and the g++ and clang builds of the test
# command run their full counts. Exits non-zero when the build or a test
# fails; the figures themselves are reported, not judged.
set -uo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
dir=${1:-"$root/.build/coverage"}
bash "$root/tests/support/install-deps.sh" gcovr || exit 2
if [ ! -f "$dir/build.ninja" ]; then
  CXX=g++ meson setup "$dir" "$root" -Db_coverage=true -Doptimization=0 -Ddebug=false >/dev/null ||
    { echo "coverage: configure failed"; exit 1; }
fi
ninja -C "$dir" || { echo "coverage: build failed"; exit 1; }
find "$dir" -name '*.gcda' -delete
DDBEXPORT_RC_PARAMS=${DDBEXPORT_RC_PARAMS:-"max_success=1000 seed=20261009"} \
  meson test -C "$dir" --no-rebuild --print-errorlogs --num-processes 2 --no-suite consumers --timeout-multiplier 3
tests_status=$?
# Header code is counted once per header, merged over every object that
# instantiated it; only include/ is reported.
gcovr --root "$root" --object-directory "$dir" --filter "$root/include/" \
  --exclude-unreachable-branches --exclude-throw-branches \
  --txt "$dir/coverage.txt" --json-summary "$dir/coverage.json" --print-summary >"$dir/coverage-summary.txt" 2>&1 ||
  { cat "$dir/coverage-summary.txt"; echo "coverage: gcovr failed"; exit 1; }
cat "$dir/coverage-summary.txt"
# Two branch counts. gcovr's own drops an exception edge only where gcov's text
# output labels it "(throw)", and gcov labels only code that ran: the copies
# of a header function that no test ran (one per object compiling it) keep
# theirs, counted as uncovered. branch_coverage.py reads gcov's JSON, which
# marks every exception edge, and drops them all; otherwise it counts as
# gcovr does (merged per line over objects and template copies, brace-only
# lines skipped). The line shows that count first, gcovr's in parentheses.
python3 "$root/tests/proof/branch_coverage.py" "$dir" "$root/include/" --files >"$dir/branch-coverage.txt" ||
  { echo "coverage: branch_coverage.py failed"; exit 1; }
python3 - "$dir/coverage.json" "$dir/branch-coverage.txt" <<'EOF'
import json, re, sys
s = json.load(open(sys.argv[1]))
b = re.search(r"^branches without exception edges: ([0-9.]+) % \((\d+)/(\d+)\)$", open(sys.argv[2]).read(), re.M)
print(f"coverage of include/: lines {s['line_percent']:.1f} % ({s['line_covered']}/{s['line_total']}), "
      f"branches {b[1]} % ({b[2]}/{b[3]}) without exception edges "
      f"(gcovr's own count: {s['branch_percent']:.1f} % ({s['branch_covered']}/{s['branch_total']}))")
EOF
exit $tests_status
