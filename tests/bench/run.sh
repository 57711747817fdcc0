#!/usr/bin/env bash
# The benchmark, in one command (issue 7):
#
#   bash tests/bench/run.sh
#
# 1. installs the peers and tools from Debian's packages if missing
#    (libbenchmark-dev, libsimdjson-dev, rapidjson-dev, nlohmann-json3-dev, ...);
# 2. configures a release build in .build/bench and builds the benchmark and
#    the corpus zero-allocation test (-j1: the machine is shared);
# 3. runs the zero-allocation test, then waits (up to DDBEXPORT_BENCH_WAIT
#    seconds, default 600) for the 1-minute load average to drop below
#    DDBEXPORT_BENCH_MAX_LOAD (default 3);
# 4. runs the benchmark: every row DDBEXPORT_BENCH_REPS times (default 5),
#    randomly interleaved so load changes hit every row alike;
# 5. issue 14's whole-program rows: the verifier on a synthetic 1 GiB
#    export against zlib + MD5 (bench-verify; the export is generated once
#    into .build/bench/verify-export and reused), and ddbexport-server against
#    a trivial cpp-httplib handler, one client (bench-http-client);
# 6. measures the include cost with g++ and clang++;
# 7. writes .build/bench/results/{bench.json,verify.json,http.json,
#    include-cost.json,results.md} and tests/bench/cost-vs-size.svg, and
#    prints the table.
#
# Environment: DDBEXPORT_BENCH_FILTER (a --benchmark_filter regex),
# DDBEXPORT_BENCH_MIN_TIME (seconds per repetition, default 0.2),
# DDBEXPORT_BENCH_NO_INCLUDE_COST=1 to skip step 6,
# DDBEXPORT_BENCH_VERIFY_GIB (default 1), DDBEXPORT_BENCH_VERIFY_REPS (default 3),
# DDBEXPORT_BENCH_HTTP_SECONDS (per server, default 30; 0 skips the HTTP row),
# DDBEXPORT_BENCH_NO_VERIFY=1 to skip the verifier row.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"
build=.build/bench
results=$build/results
reps=${DDBEXPORT_BENCH_REPS:-5}
min_time=${DDBEXPORT_BENCH_MIN_TIME:-0.2}
max_load=${DDBEXPORT_BENCH_MAX_LOAD:-3}
wait_s=${DDBEXPORT_BENCH_WAIT:-600}

# 1. Packages.
need=()
for pkg in meson ninja-build g++ clang python3 pkg-config doctest-dev libbenchmark-dev libsimdjson-dev rapidjson-dev \
  nlohmann-json3-dev libssl-dev zlib1g-dev libcpp-httplib-dev; do
  dpkg -s "$pkg" >/dev/null 2>&1 || need+=("$pkg")
done
if [ ${#need[@]} -gt 0 ]; then
  echo "== installing: ${need[*]}"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null
fi

# 2. Build.
if [ -f "$build/build.ninja" ]; then
  meson configure "$build" -Dbuildtype=release >/dev/null
else
  meson setup "$build" -Dbuildtype=release >/dev/null
fi
ninja -C "$build" -j1 tests/bench/ddbexport-bench tests/no-alloc-tests tests/bench/bench-verify \
  tests/bench/bench-trivial-server tests/bench/bench-http-client tests/examples/server/ddbexport-server
mkdir -p "$results"

# 3. Zero allocation, then a quieter machine if we can get one.
# (the corpus cases live in the suite's no-alloc executable, tests/meson.build)
"$build/tests/no-alloc-tests" --test-case="*corpus*"
waited=0
while :; do
  load=$(cut -d' ' -f1 /proc/loadavg)
  if awk -v l="$load" -v m="$max_load" 'BEGIN { exit !(l < m) }'; then break; fi
  if [ "$waited" -ge "$wait_s" ]; then
    echo "== load $load is still >= $max_load after ${waited} s: measuring anyway (ratios are from one run)"
    break
  fi
  echo "== load $load >= $max_load: waiting"
  sleep 30
  waited=$((waited + 30))
done

# 4. The benchmark.
args=(--benchmark_repetitions="$reps" --benchmark_enable_random_interleaving=true
  --benchmark_min_time="$min_time" --benchmark_out="$results/bench.json" --benchmark_out_format=json)
[ -n "${DDBEXPORT_BENCH_FILTER:-}" ] && args+=(--benchmark_filter="$DDBEXPORT_BENCH_FILTER")
"$build/tests/bench/ddbexport-bench" "${args[@]}" >"$results/bench.txt"

# 5. The verifier against its floor, then the servers (each started here, stopped by its pid).
extra=()
if [ "${DDBEXPORT_BENCH_NO_VERIFY:-0}" != 1 ]; then
  "$build/tests/bench/bench-verify" --dir "$build/verify-export" --gib "${DDBEXPORT_BENCH_VERIFY_GIB:-1}" \
    --reps "${DDBEXPORT_BENCH_VERIFY_REPS:-3}" --out "$results/verify.json"
  extra+=(--verify "$results/verify.json")
fi
http_s=${DDBEXPORT_BENCH_HTTP_SECONDS:-30}
if [ "$http_s" != 0 ]; then
  "$build/tests/bench/bench-trivial-server" 0 >"$results/trivial.out" &
  trivial_pid=$!
  "$build/tests/examples/server/ddbexport-server" --port 0 >"$results/server.out" 2>"$results/server.err" &
  server_pid=$!
  trap 'kill "$trivial_pid" "$server_pid" 2>/dev/null || true' EXIT
  for _ in $(seq 50); do
    grep -q listening "$results/trivial.out" && grep -q listening "$results/server.out" && break
    sleep 0.1
  done
  trivial_port=$(sed -n 's/^listening on //p' "$results/trivial.out")
  server_port=$(sed -n 's/^listening on http:.*:\([0-9]*\)$/\1/p' "$results/server.out")
  "$build/tests/bench/bench-http-client" --ddbexport "$server_port" --trivial "$trivial_port" --seconds "$http_s" \
    --threads 2 --out "$results/http.json"
  kill "$trivial_pid" "$server_pid"
  wait "$trivial_pid" "$server_pid" 2>/dev/null || true
  trap - EXIT
  extra+=(--http "$results/http.json")
fi

# 6. Include cost.
ic=()
if [ "${DDBEXPORT_BENCH_NO_INCLUDE_COST:-0}" != 1 ]; then
  python3 tests/bench/include_cost.py --root "$root" --cxx g++ --cxx clang++ --reps 7 --each-header \
    --out "$results/include-cost.json"
  ic=(--include-cost "$results/include-cost.json")
fi

# 7. Report.
cpu=$(lscpu | sed -n 's/^Model name: *//p' | head -n 1)
cores=$(nproc)
machine="Machine: $cpu, $cores cores ($(lscpu | sed -n 's/^Thread(s) per core: *//p') thread(s) per core), \
$(free -g | awk '/^Mem:/ {print $2}') GiB; load average before the run: $(cut -d' ' -f1-3 /proc/loadavg). \
Compiler: $(c++ --version | head -n 1), -O3 -march=native (meson release). \
Peers: simdjson $(pkg-config --modversion simdjson 2>/dev/null || echo -), \
OpenSSL $(pkg-config --modversion libcrypto 2>/dev/null || echo -), zlib $(pkg-config --modversion zlib 2>/dev/null || echo -), \
cpp-httplib $(pkg-config --modversion cpp-httplib 2>/dev/null || echo -), \
RapidJSON $(pkg-config --modversion RapidJSON 2>/dev/null || echo -), \
nlohmann_json $(pkg-config --modversion nlohmann_json 2>/dev/null || echo -), \
Google Benchmark $(pkg-config --modversion benchmark 2>/dev/null || echo -)."
python3 tests/bench/report.py "$results/bench.json" "${ic[@]}" "${extra[@]}" --machine "$machine" \
  --command "bash tests/bench/run.sh" --svg tests/bench/cost-vs-size.svg --markdown "$results/results.md"
