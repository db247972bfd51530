#!/usr/bin/env bash
# Face detection ms per photo (MTCNN, YuNet) at 1-12 MP and FaceNet embeddings/s, on 2 threads.
# Usage: benchmarks/faces/run.sh [repetitions]   (from anywhere; needs ../shared beside the project root)
set -euo pipefail
cd "$(dirname "$0")/../.."
mvn -B -o -q install -DskipTests -pl findmypic-core
mvn -B -o -q -pl findmypic-models test-compile
mvn -B -o -q -pl findmypic-models dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile=target/faces.classpath
CP="findmypic-models/target/test-classes:findmypic-models/target/classes:$(cat findmypic-models/target/faces.classpath)"
OMP_NUM_THREADS=2 java -Xmx3g -Dai.djl.offline=true -Dai.djl.pytorch.num_interop_threads=1 \
  -Dai.djl.pytorch.num_threads=2 -Dorg.slf4j.simpleLogger.defaultLogLevel=warn \
  -Dfindmypic.shared="$PWD/../shared" -cp "$CP" dev.findmypic.models.face.facenet.FacesBenchmark "$@" 2>&1 \
  | grep --line-buffered -v NNPACK
