#!/usr/bin/env bash
# Start-up time of the first offline `index` on a fresh data directory (issue 11): for each run, a new data
# directory and an empty Hugging Face cache, HF_HUB_OFFLINE=1, then
#   ./findmypic --data-dir <fresh> index <folder>
# timed from process start to the first photo committed and to the end, with the start-up split into class-path
# model extraction + sha256 verification and model loading (see timeline.py for how each phase is delimited).
#
# Usage: benchmarks/offline/run.sh [folder (default ../shared/fixtures/ocr)] [runs (default 3)]
# Writes the timelines and a summary table under benchmarks/offline/target/ (ignored by git).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
folder="$(cd "${1:-$root/../shared/fixtures/ocr}" && pwd)"
runs="${2:-3}"
out="$here/target"
mkdir -p "$out"

# build the CLI first (outside the timing), and check that it starts
"$root/findmypic" --version > /dev/null

export HF_HUB_OFFLINE=1
export FINDMYPIC_JAVA_OPTS="-Dorg.slf4j.simpleLogger.defaultLogLevel=debug -Dorg.slf4j.simpleLogger.log.ai.djl=info \
-Dorg.slf4j.simpleLogger.showDateTime=true -Dorg.slf4j.simpleLogger.dateTimeFormat=HH:mm:ss.SSS"
summary="$out/summary.md"
{
  echo "folder: $folder; runs: $runs; $(nproc) cores; load before: $(cut -d' ' -f1-3 /proc/loadavg); $(date -u +%FT%TZ)"
  /usr/bin/python3 "$here/timeline.py" --header
} > "$summary"
for i in $(seq 1 "$runs"); do
  data="$(mktemp -d)"
  hf="$(mktemp -d)"
  HF_HOME="$hf" /usr/bin/python3 "$here/timeline.py" --out "$out/timeline-$i.txt" -- \
    "$root/findmypic" --data-dir "$data" index "$folder" >> "$summary"
  rm -rf "$data" "$hf"
done
cat "$summary"
