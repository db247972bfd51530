#!/usr/bin/env bash
# Benchmark of the dlib-resnet face tier on 2 threads: native DJL/PyTorch vs the ONNX conversion on ONNX Runtime
# in the same JVM, ms per photo (MTCNN detect + align + embed), ROC on the reference chips, end-to-end P/R.
# Usage: benchmarks/faces-dlib/run.sh [rounds]     (from anywhere; needs ../shared beside the project root)
set -euo pipefail
cd "$(dirname "$0")/../.."
mvn -B -o -q -pl findmypic-models test-compile
mvn -B -o -q -pl findmypic-models dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile=target/faces-dlib.classpath
CP="findmypic-models/target/test-classes:findmypic-models/target/classes:$(cat findmypic-models/target/faces-dlib.classpath)"
# passive OpenMP waiting: with spinning, 2 intra-op threads on a busy 2-core machine ran 13x slower
OMP_WAIT_POLICY=PASSIVE java -Xmx3g -Dai.djl.offline=true -Dai.djl.onnx.disable_alternative=true \
  -Dai.djl.pytorch.num_interop_threads=1 -Dai.djl.pytorch.num_threads=2 -Dorg.slf4j.simpleLogger.defaultLogLevel=warn \
  -Dfindmypic.shared="$PWD/../shared" -cp "$CP" dev.findmypic.models.face.dlib.DlibBenchmark "$@" 2>&1 | grep --line-buffered -v NNPACK
