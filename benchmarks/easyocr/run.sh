#!/usr/bin/env bash
# EasyOCR on DJL vs the same networks in PyTorch, 2 threads, deterministic/random weights (same FLOPs as the real).
# usage: benchmarks/easyocr/run.sh [RUNS [IMAGE...]]   (needs ../shared and Debian's /usr/bin/python3)
# The core module's classes come from this checkout, not from ~/.m2, which other builds may replace mid-run.
set -euo pipefail
cd "$(dirname "$0")/../.."
RUNS="${1:-5}"
shift || true
mvn -B -o -q -pl findmypic-models -am test-compile -DskipTests
mvn -B -o -q -pl findmypic-models dependency:build-classpath -Dmdep.outputFile=target/easyocr-cp.txt \
  -Dmdep.includeScope=test
SHAPES=findmypic-models/target/easyocr-shapes.json
echo "== Java (DJL $(grep -m1 '<djl.version>' pom.xml | sed -E 's/.*>([0-9.]+)<.*/\1/'), PyTorch engine) =="
(cd findmypic-models && java -Xmx4g -Dai.djl.offline=true -Dai.djl.pytorch.num_threads=2 \
  -Dai.djl.pytorch.num_interop_threads=1 -Dfindmypic.shared="$(cd ../.. && pwd)/shared" \
  -cp "../findmypic-core/target/classes:target/classes:target/test-classes:$(cat target/easyocr-cp.txt)" \
  dev.findmypic.models.ocr.easyocr.EasyOcrBenchmark "target/easyocr-shapes.json" "$RUNS" "$@" 2>&1 | grep -v "WARN\|NNPACK")
echo "== PyTorch baseline =="
/usr/bin/python3 benchmarks/easyocr/baseline.py "$SHAPES" "$RUNS"
