#!/usr/bin/env bash
# Document-search benchmark: CISI quality (BM25, int8/fp32 MiniLM dense and hybrid), embedding throughput, query
# latency. Usage, from the project root: benchmarks/docs/run.sh [onnx-threads]   (default 2)
set -euo pipefail
cd "$(dirname "$0")/../.."
mvn -B -o -q -pl findmypic-index -am test-compile dependency:build-classpath \
  -Dmdep.outputFile=target/docs-bench.classpath -Dmdep.includeScope=test
cp="findmypic-index/target/test-classes:findmypic-index/target/classes:$(cat findmypic-index/target/docs-bench.classpath)"
exec java -Xmx3g -Dai.djl.offline=true -Dfindmypic.shared="$PWD/../shared" -cp "$cp" \
  dev.findmypic.index.docs.CisiBenchmark "${1:-2}"
