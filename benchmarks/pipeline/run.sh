#!/usr/bin/env bash
# End-to-end indexing of 12 MP JPEGs through the CLI: photos/s, time per stage, peak RSS of the whole process and
# catalogue bytes per photo.
#
# usage: benchmarks/pipeline/run.sh [CONFIG] [COUNT (default 120)]
#   CONFIG clip (default): CLIP ViT-B/32 only (index --no-faces --no-ocr), plus the embedded text embedder.
#   CONFIG all: CLIP + faces (YuNet detector + dlib ResNet recogniser, the real weights in ../shared/models)
#               + OCR (the embedded PP-OCRv4), plus the embedded text embedder.
# Needs /usr/bin/python3 with PIL (to make the photos), and random ViT-B/32 weights of the real size made by
# benchmarks/clip/run.sh in /tmp/findmypic-bench (speed does not depend on the weights' values).
# Baseline in the same invocation: decoding the same files at full size with PIL, one after another.
# The JVM and allocator settings are the ./findmypic launcher's own (FINDMYPIC_JAVA_OPTS adds to them).
set -euo pipefail
cd "$(dirname "$0")/../.."
config=${1:-clip}
count=${2:-120}
photos=/tmp/fmp-12mp-$count
clip=/tmp/clip-b32-bench
faces=/tmp/fmp-faces-yunet-dlib
case "$config" in
  clip) analysers=(--no-faces --no-ocr); models=() ;;
  all) analysers=(); models=(--model "faces=$faces") ;;
  *) echo "unknown configuration '$config': use clip or all" >&2; exit 2 ;;
esac
[ -d "$photos" ] || /usr/bin/python3 benchmarks/pipeline/make_photos.py "$photos" "$count"
mkdir -p "$clip" "$faces"
for f in config.json model.safetensors; do ln -sf "/tmp/findmypic-bench/clip-vit-b32-random/$f" "$clip/$f"; done
for f in tokenizer.json tokenizer_config.json; do
  ln -sf "$PWD/../shared/models/clip-vit-base-patch32-tokenizer/$f" "$clip/$f"
done
sed 's/: 32/: 224/g' ../shared/reference/clip-tiny-a/preprocessor_config.json > "$clip/preprocessor_config.json"
ln -sf "$PWD/../shared/models/yunet/face_detection_yunet_2026may.onnx" "$faces/"
for f in face_recognition_model-weights_manifest.json face_recognition_model.bin; do
  ln -sf "$PWD/../shared/models/face-api-recognition/$f" "$faces/$f"
done
./findmypic --version >/dev/null  # builds the CLI when its sources changed
data=$(mktemp -d)
trap 'rm -rf "$data"' EXIT
echo "configuration: $config; $count photos; machine: $(nproc) cores; load before: $(uptime)"
/usr/bin/python3 - "$photos" <<'PY'
import os, sys, time
from PIL import Image
d = sys.argv[1]; files = sorted(os.listdir(d)); t = time.time()
for f in files:
    Image.open(os.path.join(d, f)).convert("RGB").load()
print("baseline: PIL full-size decode, 1 thread: %.2f photos/s" % (len(files) / (time.time() - t)))
PY
/usr/bin/time -v ./findmypic --data-dir "$data" --offline --model "clip=$clip" "${models[@]}" \
  index "${analysers[@]}" "$photos" 2> "$data/time.txt" | grep -E "added|time per stage|failed:"
grep -E "Maximum resident|Elapsed|User time|System time" "$data/time.txt"
catalogue=$(cat "$data"/catalogue.db* | wc -c)
echo "catalogue: $catalogue bytes, $((catalogue / count)) bytes per photo"
echo "load after: $(uptime)"
