#!/usr/bin/env bash
# CLIP / MiniLM speed: the PyTorch eager baseline (Debian torch 1.13) and the Java candidate (DJL, PyTorch engine)
# on the same random weights of the real ViT-B/32 CLIP and all-MiniLM-L6-v2 configs, in one invocation.
#
# usage: benchmarks/clip/run.sh [WEIGHTS_DIR (default /tmp/findmypic-bench)] [THREADS (default 2)] [SECONDS (default 3)]
# The Java side alone, or a part of it (image, text, minilm), after a build:
#   java -cp ... dev.findmypic.models.clip.ClipBenchmark WEIGHTS_DIR THREADS SECONDS text
# Each figure is a median over runs lasting at least SECONDS in all (at least 3 runs).
# The weights (700 MB) are written once to WEIGHTS_DIR, never into the repository.
# Debian torch needs OpenBLAS for a fair baseline: apt-get install python3-torch libopenblas0-pthread
set -euo pipefail
cd "$(dirname "$0")/../.."
weights=${1:-/tmp/findmypic-bench}
threads=${2:-2}
seconds=${3:-3}
out=$(mktemp -d)

[ -f "$weights/check.safetensors" ] || /usr/bin/python3 benchmarks/clip/bench_torch.py weights "$weights"
mvn -B -o -q -pl findmypic-models -am test-compile -DskipTests
mvn -B -o -q -pl findmypic-models dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile="$out/cp.txt"
# run from a copy of the classes, so that a build during the run cannot pull them from under the JVM
for d in findmypic-models/target/test-classes findmypic-models/target/classes findmypic-core/target/classes \
         findmypic-core/target/test-classes; do
  mkdir -p "$out/$d" && cp -r "$d/." "$out/$d/"
done
cp="$out/findmypic-models/target/test-classes:$out/findmypic-models/target/classes"
cp="$cp:$out/findmypic-core/target/classes:$out/findmypic-core/target/test-classes:$(cat "$out/cp.txt")"

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
echo "load before: $(uptime)"
BENCH_THREADS=$threads BENCH_SECONDS=$seconds /usr/bin/python3 benchmarks/clip/bench_torch.py run "$weights" | tee "$out/torch.json"
java -Xmx2g -Dai.djl.offline=true -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -cp "$cp" \
  dev.findmypic.models.clip.ClipBenchmark "$weights" "$threads" "$seconds" | tee "$out/java.json"
echo "load after: $(uptime)"

/usr/bin/python3 - "$out/torch.json" "$out/java.json" <<'PY'
import json, sys
t, j = json.load(open(sys.argv[1])), json.load(open(sys.argv[2]))
hf, tv = t["hf_eager"], t["torchvision_style"]
print("| measure | PyTorch eager, HF-style | PyTorch, torchvision-style | Java (DJL) | Java / best PyTorch |")
print("|---|---|---|---|---|")
for b in (1, 8, 32):
    h, v, jv = hf[f"images_b{b}"]["per_s"], tv[f"images_b{b}"]["per_s"], j[f"images_b{b}_per_s"]
    print(f"| ViT-B/32 images/s, batch {b} | {h:.2f} | {v:.2f} | {jv:.2f} | {jv / max(h, v):.2f}x |")
print(f"| text query ms (6 tokens) | {hf['text_query_ms']:.1f} | | {j['text_query_ms']:.1f} |"
      f" {hf['text_query_ms'] / j['text_query_ms']:.2f}x |")
print(f"| text query ms, p50 / p95 of {j['text_queries']} varied queries ({j['text_mean_tokens']:.1f} tokens on"
      f" average, tokeniser included) | | | {j['text_p50_ms']:.1f} / {j['text_p95_ms']:.1f} | |")
m = hf["minilm_sentences_b32_len16"]["per_s"]
print(f"| MiniLM sentences/s (32 x 16 tokens) | {m:.1f} | | {j['minilm_sentences_b32_len16_per_s']:.1f} |"
      f" {j['minilm_sentences_b32_len16_per_s'] / m:.2f}x |")
print(f"parity on the real-size weights (max |diff| vs PyTorch): image {j['parity_image_max_abs']:.2g}, "
      f"text {j['parity_text_max_abs']:.2g}, MiniLM {j['parity_minilm_max_abs']:.2g}")
PY
rm -rf "$out"
