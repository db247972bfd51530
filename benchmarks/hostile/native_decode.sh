#!/usr/bin/env bash
# Hostile images against OpenCV's native decoder, in CHILD JVMs (a crash kills only the child).
#   benchmarks/hostile/native_decode.sh [mutants-per-file]
# 1. mutants of ../shared/fixtures/formats -> /tmp/fmp-mutants; 2. raw imdecode with no validation, restarting the
# child after each crash and recording the file; 3. validation cost vs native decode on the unmutated fixtures.
set -euo pipefail
# classpath first: mvn -o -q dependency:build-classpath -pl findmypic-models -Dmdep.includeScope=test -Dmdep.outputFile=/tmp/fmp-cp.txt
cd "$(dirname "$0")/../.."
PER=${1:-20}
SHARED=$(cd .. && pwd)/shared
OUT=/tmp/fmp-mutants
rm -rf "$OUT" /tmp/fmp-seeds && mkdir -p /tmp/fmp-seeds
/usr/bin/python3 benchmarks/hostile/make_mutants.py "$SHARED" "$OUT" "$PER"
find "$SHARED/fixtures/formats" -type f ! -name '*.md' ! -name '*.tsv' -size -2M -exec cp {} /tmp/fmp-seeds/ \;
CP=${PROBE_CLASSES:-findmypic-models/target/test-classes:findmypic-models/target/classes}:$(cat /tmp/fmp-cp.txt)
echo "mutants: $(ls "$OUT" | wc -l)"
crashes=0
exceptions=0
while :; do
  set +e
  java -cp "$CP" dev.findmypic.models.image.NativeDecodeProbe crash "$OUT" > /tmp/fmp-probe.log 2>&1
  rc=$?
  set -e
  exceptions=$((exceptions + $(grep -c '^EXC ' /tmp/fmp-probe.log || true)))
  if grep -q '^DONE' /tmp/fmp-probe.log; then break; fi
  bad=$(grep '^TRY ' /tmp/fmp-probe.log | tail -1 | cut -c5-)
  echo "child JVM died (exit $rc) on $bad"; tail -3 /tmp/fmp-probe.log
  crashes=$((crashes + 1)); mkdir -p /tmp/fmp-crashes; mv "$OUT/$bad" /tmp/fmp-crashes/
done
echo "native crashes (child JVM killed): $crashes; Java exceptions from imdecode (JVM survives): $exceptions"
java -cp "$CP" dev.findmypic.models.image.NativeDecodeProbe cost /tmp/fmp-seeds 15 > /tmp/fmp-cost.tsv
awk -F'\t' 'NR>1 {v+=$3; d+=$4; n++} END {printf "files %d, validation total %.0f us, native decode total %.0f us, ratio %.4f\n", n, v, d, v/d}' /tmp/fmp-cost.tsv
