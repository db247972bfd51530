#!/usr/bin/env bash
# Face detection ms per photo (MTCNN at full size and on a <= 1280 px copy, YuNet) at 1-12 MP, and embeddings/s per
# tier (FaceNet; SFace through OpenCV), on 2 threads.
# Usage: benchmarks/faces/run.sh [repetitions] [all|detect|embed] [megapixels...]
#   e.g. benchmarks/faces/run.sh 3                 everything, rows 1 3 6 12 MP
#        benchmarks/faces/run.sh 1 detect 12       one 12 MP detection row
#   Real SFace weights: SFACE_MODEL=/path/face_recognition_sface_2021dec.onnx benchmarks/faces/run.sh 3 embed
# (from anywhere; needs ../shared beside the project root)
set -euo pipefail
cd "$(dirname "$0")/../.."
mvn -B -o -q install -DskipTests -pl findmypic-core
mvn -B -o -q -pl findmypic-models test-compile
mvn -B -o -q -pl findmypic-models dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile=target/faces.classpath
CP="findmypic-models/target/test-classes:findmypic-models/target/classes:$(cat findmypic-models/target/faces.classpath)"
OMP_NUM_THREADS=2 java -Xmx3g -Dai.djl.offline=true -Dai.djl.pytorch.num_interop_threads=1 \
  -Dai.djl.pytorch.num_threads=2 -Dorg.slf4j.simpleLogger.defaultLogLevel=warn \
  -Dfindmypic.shared="$PWD/../shared" ${SFACE_MODEL:+-Dfindmypic.sface.model="$SFACE_MODEL"} -cp "$CP" dev.findmypic.models.face.facenet.FacesBenchmark "$@" 2>&1 \
  | grep --line-buffered -v NNPACK
