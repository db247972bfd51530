#!/usr/bin/env bash
# Download throughput and resume-after-cut of the model store against a fake Hub on 127.0.0.1,
# with `curl -o` of the same file from the same server as the baseline.
# Usage: benchmarks/store/run.sh [MiB=128] [repetitions=3]
set -euo pipefail
cd "$(dirname "$0")/../.."
mvn -B -o -q -pl findmypic-models -am test-compile -DskipTests
CP=$(mvn -B -o -q -pl findmypic-models dependency:build-classpath -Dmdep.outputFile=/dev/stdout -Dmdep.includeScope=test | sed 's/\x1b\[[0-9;]*m//g')
java -Xmx2g -cp "findmypic-models/target/test-classes:findmypic-models/target/classes:findmypic-core/target/classes:findmypic-core/target/test-classes:$CP" \
  -Dorg.slf4j.simpleLogger.defaultLogLevel=warn \
  dev.findmypic.models.store.StoreBenchmark "${1:-128}" "${2:-3}"
