package dev.findmypic.models.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@link Linear} on both of its paths, {@code x W^T} for many rows and {@code (W x^T)^T} for at most
 * {@value Linear#FEW_ROWS}, against the product computed with plain loops: values, shape and row order, with and
 * without a bias, with a batch axis.
 */
class LinearTest {
  private static final int IN = 5;
  private static final int OUT = 3;

  private static NDManager manager;

  @BeforeAll
  static void open() {
    manager = NDManager.newBaseManager(Device.cpu(), "PyTorch");
  }

  @AfterAll
  static void close() {
    manager.close();
  }

  @ParameterizedTest(name = "{0} x {1} rows, bias {2}")
  @CsvSource({"1, 1, true", "1, 6, true", "2, 4, true", "1, 8, false", "1, 9, true", "3, 7, false", "4, 12, true"})
  void matchesThePlainProduct(int batch, int rows, boolean withBias) {
    Random random = new Random(batch * 100 + rows);
    float[] w = values(random, OUT * IN);
    float[] b = values(random, OUT);
    float[] x = values(random, batch * rows * IN);
    try (NDManager scope = manager.newSubManager()) {
      Linear linear = new Linear(scope.create(w, new Shape(OUT, IN)), withBias ? scope.create(b) : null);
      NDArray y = linear.apply(scope.create(x, new Shape(batch, rows, IN)));

      assertThat(y.getShape()).isEqualTo(new Shape(batch, rows, OUT));
      float[] actual = y.toFloatArray();
      for (int r = 0; r < batch * rows; r++) {
        for (int o = 0; o < OUT; o++) {
          double expected = withBias ? b[o] : 0;
          for (int i = 0; i < IN; i++) {
            expected += (double) x[r * IN + i] * w[o * IN + i];
          }
          assertThat(actual[r * OUT + o]).as("row %d, output %d", r, o).isCloseTo((float) expected, within(1e-5f));
        }
      }
    }
  }

  private static float[] values(Random random, int n) {
    float[] values = new float[n];
    for (int i = 0; i < n; i++) {
      values[i] = (float) random.nextGaussian();
    }
    return values;
  }
}
