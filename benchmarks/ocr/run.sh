#!/usr/bin/env bash
# OCR benchmark: wall ms per image per engine on 2 threads, and CER / word recall per subset of ../shared/fixtures/ocr.
# Usage, from anywhere (needs ../shared beside the project root):
#   benchmarks/ocr/run.sh [speed|quality|all] [runs]     (default: all 3)
# The tables go to standard output; logs (DJL, ONNX Runtime, Tesseract) go to target/ocr-bench.log.
set -euo pipefail
cd "$(dirname "$0")/../.."
mkdir -p target
build() { # Maven's output goes to a log, shown only if the build fails
  mvn -B -o -q "$@" >>target/ocr-bench-build.log 2>&1 || { cat target/ocr-bench-build.log >&2; exit 1; }
}
: >target/ocr-bench-build.log
build install -DskipTests -pl findmypic-core
build test-compile -pl findmypic-models
build dependency:build-classpath -pl findmypic-models -Dmdep.outputFile="$(pwd)/target/ocr-bench.cp"
CP="findmypic-models/target/test-classes:findmypic-models/target/classes:findmypic-core/target/classes:findmypic-core/target/test-classes:$(cat target/ocr-bench.cp)"
echo "# $(date -u +%FT%TZ) $(uname -n), load average $(cut -d' ' -f1-3 /proc/loadavg), args: ${*:-all 3}"
# OMP_THREAD_LIMIT caps Tesseract's OpenMP threads; ONNX Runtime gets 2 intra-op threads from the options
if ! OMP_THREAD_LIMIT=2 taskset -c 0,1 java -Xmx4g -Dai.djl.offline=true -Dai.djl.onnx.disable_alternative=true \
    -Dfindmypic.shared="$(pwd)/../shared" -cp "$CP" dev.findmypic.models.ocr.OcrBenchmark "$@" 2>target/ocr-bench.log; then
  echo "OcrBenchmark failed; the end of target/ocr-bench.log:" >&2
  tail -20 target/ocr-bench.log >&2
  exit 1
fi
