#!/usr/bin/env bash
# Where the memory goes while indexing: runs `./findmypic ARGS...` with JVM Native Memory Tracking and samples the
# process every 0.5 s; at each new maximum of RSS it keeps `smaps_rollup`, `pmap -x` and `jcmd VM.native_memory
# summary` in OUT_DIR, so they describe the peak. The figures in RESULTS.md came from this script.
#
# usage: benchmarks/pipeline/memory.sh OUT_DIR ARGS...
#   e.g. benchmarks/pipeline/memory.sh /tmp/mem-clip --data-dir "$(mktemp -d)" --offline \
#          --model clip=/tmp/clip-b32-bench index --no-faces --no-ocr /tmp/fmp-12mp-120
# (run benchmarks/pipeline/run.sh once first: it makes the photos and the model directories)
set -uo pipefail
out=$1
shift
mkdir -p "$out"
cd "$(dirname "$0")/../.."
./findmypic --version >/dev/null
FINDMYPIC_JAVA_OPTS="${FINDMYPIC_JAVA_OPTS:-} -XX:NativeMemoryTracking=summary" \
  /usr/bin/time -v ./findmypic "$@" > "$out/stdout" 2> "$out/time.txt" &
timer=$!
pid=""
while [ -z "$pid" ] && kill -0 "$timer" 2>/dev/null; do
  sleep 0.2
  pid=$(pgrep -f -n -- "-XX:NativeMemoryTracking=summary.*findmypic.jar" || true)
done
best=0
i=0
while [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; do
  rss=$(awk '/VmRSS/{print $2}' "/proc/$pid/status" 2>/dev/null)
  [ -z "$rss" ] && break
  echo "$(date +%s.%N) $rss" >> "$out/rss.txt"
  if [ $((i % 4)) -eq 0 ] && [ "$rss" -gt "$best" ]; then
    best=$rss
    cat "/proc/$pid/smaps_rollup" > "$out/smaps_rollup.txt" 2>/dev/null
    pmap -x "$pid" > "$out/pmap.txt" 2>/dev/null
    if jcmd "$pid" VM.native_memory summary > "$out/nmt.tmp" 2>/dev/null; then
      { echo "rss_kb=$rss"; cat "$out/nmt.tmp"; } > "$out/nmt.txt"
    fi
  fi
  i=$((i + 1))
  sleep 0.5
done
wait "$timer"
grep -E "added|time per stage" "$out/stdout"
grep -E "Maximum resident|Elapsed|User time|System time" "$out/time.txt"
echo "NMT at the sampled peak (kB):"
grep -E "rss_kb|Total|Java Heap|Other|  GC" "$out/nmt.txt"
