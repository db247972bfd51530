// The probe behind nn.Linear's FEW_ROWS: the 48 linear layers of CLIP ViT-B/32's text tower (random weights, with
// biases) applied to M rows, as x W^T (torch linear) and as (W x^T)^T, interleaved in one JVM, 13 timed rounds each.
// Run after a build (benchmarks/clip/run.sh builds the class path the same way):
//   mvn -B -o -q -pl findmypic-models dependency:build-classpath -Dmdep.outputFile=/tmp/cp.txt
//   java -Dai.djl.offline=true -Dai.djl.pytorch.num_threads=2 -cp "$(cat /tmp/cp.txt)" benchmarks/clip/LinearRowsProbe.java
import ai.djl.ndarray.*;
import ai.djl.ndarray.types.*;
import ai.djl.nn.core.Linear;
import java.util.*;
public class LinearRowsProbe {
  static NDArray[][] layers = new NDArray[12][4];
  static NDArray[][] bias = new NDArray[12][4];
  static double run(NDManager m, NDArray xs, NDArray xl, int form) {
    long t0 = System.nanoTime();
    try (NDManager it = m.newSubManager()) {
      for (int l = 0; l < 12; l++) for (int i = 0; i < 4; i++) {
        NDArray x = i == 3 ? xl : xs;
        NDArray y = form == 0 ? Linear.linear(x, layers[l][i], bias[l][i]).singletonOrThrow()
            : layers[l][i].matMul(x.transpose()).transpose().add(bias[l][i]);
        y.attach(it);
      }
    }
    return (System.nanoTime() - t0) / 1e6;
  }
  public static void main(String[] a) {
    NDManager m = NDManager.newBaseManager();
    long[][] shapes = {{1536, 512}, {512, 512}, {2048, 512}, {512, 2048}};
    for (int l = 0; l < 12; l++) for (int i = 0; i < 4; i++) { layers[l][i] = m.randomNormal(new Shape(shapes[i])); bias[l][i] = m.randomNormal(new Shape(shapes[i][0])); }
    int[] Ms = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 18, 20, 24, 28, 32};
    Map<String, List<Double>> t = new TreeMap<>();
    for (int r = 0; r < 15; r++) for (int M : Ms) {
      NDArray xs = m.randomNormal(new Shape(M, 512)), xl = m.randomNormal(new Shape(M, 2048));
      for (int form = 0; form < 2; form++) { double ms = run(m, xs, xl, form); if (r > 1) t.computeIfAbsent(String.format("M=%02d form=%d", M, form), k -> new ArrayList<>()).add(ms); }
      xs.close(); xl.close();
    }
    for (int M : Ms) { List<Double> a0 = t.get(String.format("M=%02d form=0", M)), a1 = t.get(String.format("M=%02d form=1", M)); Collections.sort(a0); Collections.sort(a1);
      System.out.printf("M=%2d linear p50 %5.1f min %5.1f | W@xT p50 %5.1f min %5.1f%n", M, a0.get(a0.size()/2), a0.get(0), a1.get(a1.size()/2), a1.get(0)); }
  }
}
