// Convolution throughput of DJL's libtorch on this machine, one layer at a time (FaceNet-like shapes).
// Run after `benchmarks/faces/run.sh` has built the class path:
//   CP="findmypic-models/target/test-classes:findmypic-models/target/classes:$(cat findmypic-models/target/faces.classpath)"
//   OMP_NUM_THREADS=2 jshell -R-Dai.djl.offline=true -R-Dai.djl.pytorch.num_threads=2 --class-path "$CP" benchmarks/faces/conv_probe.jsh
// Compare with Debian's torch: torch.nn.functional.conv2d on the same shapes (torch.set_num_threads(2)).
import ai.djl.ndarray.*;
import ai.djl.ndarray.types.*;
import ai.djl.nn.convolutional.Conv2d;
NDManager m = NDManager.newBaseManager();
void t(String name, long n, long c, long h, long w, long o, long kh, long kw, long s, long ph, long pw) {
  NDArray x = m.randomUniform(-1f, 1f, new Shape(n, c, h, w));
  NDArray wt = m.randomUniform(-0.1f, 0.1f, new Shape(o, c, kh, kw));
  NDArray b = m.zeros(new Shape(o));
  for (int i = 0; i < 3; i++) Conv2d.conv2d(x, wt, b, new Shape(s, s), new Shape(ph, pw)).singletonOrThrow().close();
  long t0 = System.nanoTime();
  int reps = 20;
  for (int i = 0; i < reps; i++) {
    NDArray y = Conv2d.conv2d(x, wt, b, new Shape(s, s), new Shape(ph, pw)).singletonOrThrow();
    y.toFloatArray();
    y.close();
  }
  double ms = (System.nanoTime() - t0) / 1e6 / reps;
  double gflop = 2.0 * n * o * c * kh * kw * ((h + 2 * ph - kh) / s + 1) * ((w + 2 * pw - kw) / s + 1) / 1e9;
  System.out.printf("%s %.2f ms  %.1f GFLOP/s%n", name, ms, gflop / ms * 1000);
}
t("stem 3x3 32->64 @77", 1, 32, 77, 77, 64, 3, 3, 1, 1, 1);
t("1x1 256->32 @17", 1, 256, 17, 17, 32, 1, 1, 1, 0, 0);
t("block17 1x7 128->128 @8", 1, 128, 8, 8, 128, 1, 7, 1, 0, 3);
t("block17 7x1 128->128 @8", 1, 128, 8, 8, 128, 7, 1, 1, 3, 0);
t("1x1 896->128 @8", 1, 896, 8, 8, 128, 1, 1, 1, 0, 0);
/exit
