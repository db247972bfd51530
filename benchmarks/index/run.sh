#!/usr/bin/env bash
# Runs the findmypic-index benchmarks. Usage: benchmarks/index/run.sh search [photos] [queries] | pipeline [photos]
set -euo pipefail
cd "$(dirname "$0")/../.."
mvn -B -o -q test-compile -pl findmypic-index
mvn -B -o -q -pl findmypic-index org.apache.maven.plugins:maven-dependency-plugin:3.8.1:build-classpath \
  -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.cp
CP="findmypic-index/target/classes:findmypic-index/target/test-classes:$(cat findmypic-index/target/bench.cp)"
what="${1:-search}"
shift || true
case "$what" in
  search) exec java -Xmx6g -cp "$CP" dev.findmypic.index.bench.SearchBenchmark "$@" ;;
  pipeline) exec java -Xmx2g -cp "$CP" dev.findmypic.index.bench.PipelineBenchmark "$@" ;;
  *) echo "usage: $0 search [photos] [queries] [dataDir] | pipeline [photos]" >&2; exit 2 ;;
esac
