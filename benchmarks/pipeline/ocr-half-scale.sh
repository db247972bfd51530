#!/usr/bin/env bash
# PP-OCRv4's CER and word recall on ../shared/fixtures/ocr at full size and at 1/2 (OcrHalfScaleCheck): what
# decoding photos at half size for OCR (Analysers.OCR_SHORT_SIDE) may cost, in the pessimistic case.
set -euo pipefail
cd "$(dirname "$0")/../.."
mvn -B -o -q install -DskipTests -pl findmypic-core >/dev/null
mvn -B -o -q test-compile -pl findmypic-models >/dev/null
mvn -B -o -q dependency:build-classpath -pl findmypic-models -Dmdep.outputFile="$PWD/target/ocr-half.cp" >/dev/null
CP="findmypic-models/target/test-classes:findmypic-models/target/classes:findmypic-core/target/classes:findmypic-core/target/test-classes:$(cat target/ocr-half.cp)"
echo "# $(date -u +%FT%TZ), load average $(cut -d' ' -f1-3 /proc/loadavg)"
java -Xmx4g -Dai.djl.offline=true -Dai.djl.onnx.disable_alternative=true -Dfindmypic.shared="$PWD/../shared" \
  -cp "$CP" dev.findmypic.models.ocr.OcrHalfScaleCheck 2>target/ocr-half.log
