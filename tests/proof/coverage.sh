#!/usr/bin/env bash
# Line and branch coverage of include/ under the whole test suite (issue 15,
# item 1): g++ with --coverage at -O0 (optimised code maps poorly back to
# lines), every test but the packaging consumers (they build projects of
# their own, outside this build), then gcovr over include/ only.
#
#   bash tests/proof/coverage.sh [BUILD_DIR]     (default .build/coverage)
#
# Prints gcovr's summary and one line
#   coverage of include/: lines L % (covered/total), branches B % (covered/total)
# and writes BUILD_DIR/coverage.txt (per file, uncovered lines listed).
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
python3 - "$dir/coverage.json" <<'EOF'
import json, sys
s = json.load(open(sys.argv[1]))
print(f"coverage of include/: lines {s['line_percent']:.1f} % ({s['line_covered']}/{s['line_total']}), "
      f"branches {s['branch_percent']:.1f} % ({s['branch_covered']}/{s['branch_total']})")
EOF
exit $tests_status
