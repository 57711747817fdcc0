#!/bin/sh
# issue 15, item 3: the in-memory store (tests/proof/store_threads.cpp) and
# ddbexport-server (tests/proof/server_threads.py: 32 client threads) under
# ThreadSanitizer. Configures its own build directory (clang++,
# -Db_sanitize=thread), builds only those two programs, runs both; exits
# non-zero on any race (TSAN_OPTIONS halt_on_error=1, status 66) or failure.
#
# usage: bash tests/proof/tsan.sh [ROUNDS]   (ROUNDS of server_threads.py, default 20)
set -eu
root=$(cd "$(dirname "$0")/../.." && pwd)
build=${DDBEXPORT_TSAN_BUILD:-$root/.build/tsan}
rounds=${1:-20}
if [ ! -f "$build/build.ninja" ]; then
  CXX=clang++ meson setup "$build" "$root" -Db_sanitize=thread -Db_lundef=false -Ddebug=false -Doptimization=1 >/dev/null
fi
ninja -C "$build" tests/proof/store-threads tests/examples/server/ddbexport-server
# tsan.supp: cpp-httplib's compiled library is not instrumented (see there).
export TSAN_OPTIONS="halt_on_error=1 exitcode=66 second_deadlock_stack=1 suppressions=$root/tests/proof/tsan.supp"
"$build/tests/proof/store-threads"
python3 "$root/tests/proof/server_threads.py" "$build/tests/examples/server/ddbexport-server" --rounds "$rounds"
echo "tsan: no race"
