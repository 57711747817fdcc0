#!/usr/bin/env bash
# Streams a synthetic export of SIZE bytes of content (default 1 GiB) through
# ddbexport-verify and reports its peak RSS and throughput next to
# `gzip -dc | md5sum` on the same data files. A measurement, not a test:
#
#   meson setup .build/release . -Dbuildtype=release
#   ninja -C .build/release tests/examples/verify/ddbexport-verify
#   tests/unit/artifacts/stream/run.sh .build/release/tests/examples/verify/ddbexport-verify [SIZE] [DIR]
#
# DIR (default: a fresh temporary directory, removed afterwards) receives the
# export; an existing one with the export is reused.
set -euo pipefail
tool=${1:?usage: run.sh PATH/TO/ddbexport-verify [SIZE_BYTES] [DIR]}
size=${2:-1073741824}
dir=${3:-}
here=$(cd "$(dirname "$0")" && pwd)
cleanup=
if [[ -z $dir ]]; then
  dir=$(mktemp -d)
  cleanup=$dir
fi
trap '[[ -n $cleanup ]] && rm -rf "$cleanup"' EXIT
if [[ ! -f $dir/bench/AWSDynamoDB/01777886127318-458ecad7/manifest-summary.json ]]; then
  python3 "$here/make_export.py" "$dir" "$size" 8 2>/dev/null
fi
data=("$dir"/bench/AWSDynamoDB/01777886127318-458ecad7/data/*.json.gz)
stored=$(cat "${data[@]}" | wc -c)
content=$(gzip -dc "${data[@]}" | wc -c)

measure() {  # label, command...: wall seconds, CPU seconds, peak RSS KiB
  local label=$1
  shift
  local times
  times=$(mktemp)
  /usr/bin/time -o "$times" -f '%e %U %S %M' "$@" >/dev/null 2>/dev/null || true
  read -r wall user sys rss <"$times"
  rm -f "$times"
  awk -v l="$label" -v w="$wall" -v u="$user" -v s="$sys" -v r="$rss" -v c="$content" \
    'BEGIN { printf "%-34s %7.2f s wall %7.2f s CPU %8.1f MB/s content (wall) %8.1f MB/s (CPU) peak RSS %7.1f MiB\n",
             l, w, u + s, c / w / 1e6, c / (u + s) / 1e6, r / 1024 }'
}

echo "export: ${#data[@]} data files, $stored stored bytes, $content content bytes ($(nproc) CPUs, load $(cut -d' ' -f1 /proc/loadavg))"
measure "ddbexport-verify --key-schema pk,sk" "$tool" --key-schema pk,sk "$dir"
measure "gzip -dc | md5sum" sh -c 'gzip -dc "$@" | md5sum' sh "${data[@]}"
"$tool" --key-schema pk,sk "$dir" | python3 -c 'import json,sys; d=json.load(sys.stdin); print("verifier says valid:", d["valid"], "-", sum(f["lines"] for f in d["exports"][0]["files"]), "lines")'
