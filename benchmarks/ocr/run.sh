#!/usr/bin/env bash
# OCR benchmark: ms per image per engine on 2 threads, and CER / word recall per subset of ../shared/fixtures/ocr.
# Usage: benchmarks/ocr/run.sh [speed|quality]   (from the project root; needs ../shared)
set -euo pipefail
cd "$(dirname "$0")/../.."
mvn -B -o -q install -DskipTests -pl findmypic-core
mvn -B -o -q test-compile -pl findmypic-models
mvn -B -o -q dependency:build-classpath -pl findmypic-models -Dmdep.outputFile=target/ocr-bench.cp
CP="findmypic-models/target/test-classes:findmypic-models/target/classes:findmypic-core/target/classes:findmypic-core/target/test-classes:$(cat target/ocr-bench.cp)"
# OMP_THREAD_LIMIT caps Tesseract's OpenMP threads; ONNX Runtime gets 2 intra-op threads from the options
OMP_THREAD_LIMIT=2 taskset -c 0,1 java -Xmx4g -Dai.djl.offline=true -Dai.djl.onnx.disable_alternative=true \
  -Dfindmypic.shared="$(pwd)/../shared" -cp "$CP" dev.findmypic.models.ocr.OcrBenchmark "$@"
