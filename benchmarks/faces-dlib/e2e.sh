#!/usr/bin/env bash
# The dlib-resnet face tier end to end on ../shared/fixtures/faces, per detector (Java MTCNN, YuNet): ms per photo for
# detect + align + embed, PhotoLibrary.index of the folder, and the per-identity person-search and gallery tables.
# Usage: benchmarks/faces-dlib/e2e.sh [mtcnn,yunet] [--no-library]   (from anywhere; needs ../shared beside the root)
set -euo pipefail
cd "$(dirname "$0")/../.."
# the reactor build, so that the index tests run against this checkout's core and models, not ~/.m2's
mvn -B -o -q -pl findmypic-index -am test-compile
mvn -B -o -q -pl findmypic-index dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile=target/faces-e2e.classpath
DEPS=$(tr ':' '\n' < findmypic-index/target/faces-e2e.classpath | grep -v '/dev/findmypic/' | paste -sd: -)
CP="findmypic-index/target/test-classes:findmypic-index/target/classes:findmypic-models/target/classes"
CP="$CP:findmypic-core/target/classes:findmypic-core/target/test-classes:$DEPS"
# passive OpenMP waiting: with spinning, 2 intra-op threads on a busy 2-core machine ran 13x slower (RESULTS.md)
OMP_WAIT_POLICY=PASSIVE java -Xmx3g -Dai.djl.offline=true -Dai.djl.onnx.disable_alternative=true \
  -Dai.djl.pytorch.num_interop_threads=1 -Dai.djl.pytorch.num_threads=2 -Dorg.slf4j.simpleLogger.defaultLogLevel=warn \
  -Dfindmypic.shared="$PWD/../shared" -cp "$CP" dev.findmypic.index.people.FacesEndToEndBenchmark "$@" 2>&1 \
  | grep --line-buffered -v NNPACK
