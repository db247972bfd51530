#!/usr/bin/env bash
# Disk full, for real: the data directory is a tmpfs of SIZE (default 400k) that indexing COUNT (default 200) photos
# overflows. Expects: DiskFullException naming the data directory, catalogue integrity ok, no partial vector file.
# Then the tmpfs is grown to 64m ("space freed") and a second run must complete with every photo indexed once.
#
# usage: benchmarks/load/disk_full.sh [COUNT] [SIZE]    (needs root for mount; photos as benchmarks/load/run.sh)
set -euo pipefail
cd "$(dirname "$0")/../.."
count=${1:-200}
size=${2:-400k}
source benchmarks/load/prepare.sh
mnt=$(mktemp -d /tmp/fmp-full.XXXXXX)
mount -t tmpfs -o size="$size" tmpfs "$mnt"
trap 'umount "$mnt"; rmdir "$mnt"' EXIT
run() {
  java -Xmx1g -Dai.djl.offline=true -Dorg.slf4j.simpleLogger.defaultLogLevel=warn \
    -Dorg.slf4j.simpleLogger.log.ai.djl=error -cp "$CP" dev.findmypic.index.load.DiskFullRun "$photos" "$mnt/data"
}
echo "== run 1: tmpfs of $size"
set +e; run; rc=$?; set -e
echo "exit code $rc (3 = DiskFullException); tmpfs: $(df -h "$mnt" | tail -1)"
mount -o remount,size=64m "$mnt"
echo "== run 2: tmpfs grown to 64m"
run
/usr/bin/python3 - "$mnt/data/catalogue.db" <<'PY'
import sqlite3, sys
c = sqlite3.connect(sys.argv[1])
q = lambda sql: c.execute(sql).fetchone()[0]
print("files:", q("SELECT count(*) FROM files"), "distinct paths:", q("SELECT count(DISTINCT path) FROM files"),
      "indexed:", q("SELECT count(*) FROM files WHERE status = 'INDEXED'"),
      "image vectors:", q("SELECT count(*) FROM embeddings WHERE kind = 'IMAGE'"))
PY
