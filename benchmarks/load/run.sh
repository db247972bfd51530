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
photos=/tmp/fmp-load-$count
[ -d "$photos" ] || /usr/bin/python3 benchmarks/load/make_photos.py "$photos" "$count"
mvn -B -o -q install -DskipTests -pl findmypic-core,findmypic-models
mvn -B -o -q test-compile -pl findmypic-index
mvn -B -o -q -pl findmypic-index org.apache.maven.plugins:maven-dependency-plugin:3.8.1:build-classpath \
  -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.cp
CP="findmypic-index/target/classes:findmypic-index/target/test-classes:$(cat findmypic-index/target/bench.cp)"
echo "machine: $(nproc) cores, $(grep MemTotal /proc/meminfo); load before: $(uptime)"
for mode in ${MODES:-one two}; do
  data=$(mktemp -d /tmp/fmp-load-data.XXXXXX)
  echo "== $mode (photos: $count, data: $data)"
  java -Xmx1g -Dai.djl.offline=true -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -Dorg.slf4j.simpleLogger.log.ai.djl=error -cp "$CP" \
    dev.findmypic.index.load.LoadBenchmark "$mode" "$photos" "$data" "$rest"
  rm -rf "$data"
done
echo "load after: $(uptime)"
