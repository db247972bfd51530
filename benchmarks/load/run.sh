#!/usr/bin/env bash
# Load: 8 threads run mixed queries (text, image, face, words, filtered, paged) without pause while a folder of photos
# is indexed, then at rest; in one process, then with a second process searching the data directory a child indexes.
# Reports queries, failures, p50/p95 during indexing and at rest, peak RSS and the catalogue's integrity check.
#
# usage: benchmarks/load/run.sh [COUNT (default 2000)] [REST_SECONDS (default 30)]
# Needs /usr/bin/python3 with PIL (to make the photos once, in /tmp/fmp-load-COUNT) and ../shared.
set -euo pipefail
cd "$(dirname "$0")/../.."
count=${1:-2000}
rest=${2:-30}
source benchmarks/load/prepare.sh
echo "machine: $(nproc) cores, $(grep MemTotal /proc/meminfo); load before: $(uptime)"
for mode in ${MODES:-one two}; do
  data=$(mktemp -d /tmp/fmp-load-data.XXXXXX)
  echo "== $mode (photos: $count, data: $data)"
  java -Xmx1g -Dai.djl.offline=true -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -Dorg.slf4j.simpleLogger.log.ai.djl=error -cp "$CP" \
    dev.findmypic.index.load.LoadBenchmark "$mode" "$photos" "$data" "$rest"
  rm -rf "$data"
done
echo "load after: $(uptime)"
