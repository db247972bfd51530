#!/usr/bin/env bash
# End-to-end indexing of 12 MP JPEGs with CLIP only: photos/s and peak RSS of the whole CLI process.
#
# usage: benchmarks/pipeline/run.sh [COUNT (default 120)]
# Needs /usr/bin/python3 with PIL (to make the photos), and random ViT-B/32 weights of the real size made by
# benchmarks/clip/run.sh in /tmp/findmypic-bench (speed does not depend on the weights' values).
# Baseline in the same invocation: decoding the same files at full size with PIL, one after another.
set -euo pipefail
cd "$(dirname "$0")/../.."
count=${1:-120}
photos=/tmp/fmp-12mp
clip=/tmp/clip-b32-bench
[ -d "$photos" ] || /usr/bin/python3 benchmarks/pipeline/make_photos.py "$photos" "$count"
mkdir -p "$clip"
for f in config.json model.safetensors; do ln -sf "/tmp/findmypic-bench/clip-vit-b32-random/$f" "$clip/$f"; done
for f in tokenizer.json tokenizer_config.json; do
  ln -sf "$PWD/../shared/models/clip-vit-base-patch32-tokenizer/$f" "$clip/$f"
done
sed 's/: 32/: 224/g' ../shared/reference/clip-tiny-a/preprocessor_config.json > "$clip/preprocessor_config.json"
./findmypic --version >/dev/null  # builds the CLI when its sources changed
data=$(mktemp -d)
echo "machine: $(nproc) cores; load before: $(uptime)"
/usr/bin/python3 - "$photos" <<'PY'
import os, sys, time
from PIL import Image
d = sys.argv[1]; files = sorted(os.listdir(d)); t = time.time()
for f in files:
    Image.open(os.path.join(d, f)).convert("RGB").load()
print("baseline: PIL full-size decode, 1 thread: %.2f photos/s" % (len(files) / (time.time() - t)))
PY
/usr/bin/time -v ./findmypic --data-dir "$data" --offline \
  --model "clip=$clip" index --no-faces --no-ocr "$photos" 2> "$data/time.txt" | tail -3
grep -E "Maximum resident|Elapsed" "$data/time.txt"
echo "load after: $(uptime)"
