package dev.findmypic.models.face.dlib;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.pooling.Pool;
import dev.findmypic.core.ModelFormatException;
import dev.findmypic.models.checkpoint.Checkpoint;
import dev.findmypic.models.checkpoint.Tensor;
import dev.findmypic.models.checkpoint.TensorArrays;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * dlib's ResNet face descriptor as face-api.js's {@code FaceRecognitionNet} computes it, on DJL arrays:
 * {@code (x - mean) / 256}, conv 7×7/2 valid (32) with ReLU, max-pool 3/2, 3 residual blocks of 32, then down-sampling
 * residual blocks to 64 (+3), 128 (+2), 256 (+2) and 256, spatial mean, and a 256×128 matrix. Each convolution's
 * per-channel scale layer is folded into its filters and bias. A down-sampling block adds a 2×2/2 average-pooled
 * shortcut, with zero channels appended, to a 3×3/2 valid convolution padded with a zero row and column where the
 * sizes differ. Thread-safe: the weights are only read.
 */
final class DlibResnetNetwork implements AutoCloseable {
  private static final float[] MEAN_RGB = {122.782f, 117.001f, 104.298f};
  private static final Shape ONE = new Shape(1, 1);
  private static final Shape TWO = new Shape(2, 2);
  private static final Shape SAME = new Shape(1, 1);
  private static final Shape VALID = new Shape(0, 0);

  private final NDManager manager;
  private final NDArray mean;
  private final Conv stem;
  private final List<Block> blocks;
  private final NDArray fc;

  /** A convolution with its scale layer folded in. */
  private record Conv(NDArray weight, NDArray bias, Shape stride, Shape padding) {
    NDArray apply(NDArray x) {
      return Conv2d.conv2d(x, weight, bias, stride, padding, ONE).singletonOrThrow();
    }
  }

  /** A residual block; {@code down} blocks halve the size and may double the channels. */
  private record Block(Conv conv1, Conv conv2, boolean down) {
    NDArray apply(NDArray x) {
      NDArray out = conv2.apply(Activation.relu(conv1.apply(x)));
      if (!down) {
        return Activation.relu(out.add(x));
      }
      NDArray pooled = Pool.avgPool2d(x, TWO, TWO, VALID, false, true);
      if (pooled.getShape().get(2) != out.getShape().get(2)) {
        out = out.pad(new Shape(0, 1, 0, 1), 0);
      }
      if (pooled.getShape().get(1) != out.getShape().get(1)) {
        pooled = pooled.concat(pooled.zerosLike(), 1);
      }
      return Activation.relu(out.add(pooled));
    }
  }

  private DlibResnetNetwork(NDManager manager, NDArray mean, Conv stem, List<Block> blocks, NDArray fc) {
    this.manager = manager;
    this.mean = mean;
    this.stem = stem;
    this.blocks = blocks;
    this.fc = fc;
  }

  /**
   * Builds the network from face-api.js's weight names (for example {@code conv64_down/conv1/conv/filters}).
   *
   * @param weights the decoded TF.js weights
   * @param parent the manager under which the weights live until {@link #close()}
   * @return the network
   * @throws ModelFormatException if a tensor is missing or has the wrong shape
   */
  static DlibResnetNetwork load(Checkpoint weights, NDManager parent) {
    NDManager manager = parent.newSubManager();
    try {
      Conv stem = conv(weights, manager, "conv32_down", 7, 3, 32, new Shape(2, 2), VALID);
      List<Block> blocks = new ArrayList<>();
      int channels = 32;
      for (String stage : new String[] {"32_1", "32_2", "32_3", "64_down", "64_1", "64_2", "64_3", "128_down",
          "128_1", "128_2", "256_down", "256_1", "256_2", "256_down_out"}) {
        boolean down = stage.endsWith("down") || stage.endsWith("down_out");
        int out = Integer.parseInt(stage.substring(0, stage.indexOf('_')));
        String prefix = "conv" + stage;
        Conv conv1 = conv(weights, manager, prefix + "/conv1", 3, channels, out, down ? new Shape(2, 2) : ONE,
            down ? VALID : SAME);
        Conv conv2 = conv(weights, manager, prefix + "/conv2", 3, out, out, ONE, SAME);
        blocks.add(new Block(conv1, conv2, down));
        channels = out;
      }
      NDArray fc = manager.create(floats(weights, "fc", 256, 128), new Shape(256, 128));
      NDArray mean = manager.create(MEAN_RGB, new Shape(1, 3, 1, 1));
      return new DlibResnetNetwork(manager, mean, stem, List.copyOf(blocks), fc);
    } catch (RuntimeException e) {
      manager.close();
      throw e;
    }
  }

  /**
   * Reads a convolution and folds its scale layer in, in Java: filters HWIO become contiguous OIHW times the scale,
   * the bias becomes {@code bias * scale + shift}. Contiguous filters keep PyTorch on its fast convolution path.
   */
  private static Conv conv(Checkpoint weights, NDManager manager, String prefix, int k, int in, int out, Shape stride,
      Shape padding) {
    float[] hwio = floats(weights, prefix + "/conv/filters", k, k, in, out);
    float[] bias = floats(weights, prefix + "/conv/bias", out);
    float[] scale = floats(weights, prefix + "/scale/weights", out);
    float[] shift = floats(weights, prefix + "/scale/biases", out);
    float[] oihw = new float[hwio.length];
    for (int h = 0; h < k; h++) {
      for (int w = 0; w < k; w++) {
        for (int i = 0; i < in; i++) {
          for (int o = 0; o < out; o++) {
            oihw[((o * in + i) * k + h) * k + w] = hwio[((h * k + w) * in + i) * out + o] * scale[o];
          }
        }
      }
    }
    float[] foldedBias = new float[out];
    for (int o = 0; o < out; o++) {
      foldedBias[o] = bias[o] * scale[o] + shift[o];
    }
    return new Conv(manager.create(oihw, new Shape(out, in, k, k)), manager.create(foldedBias), stride, padding);
  }

  private static float[] floats(Checkpoint weights, String name, long... shape) {
    if (!weights.names().contains(name)) {
      throw new ModelFormatException(weights.source() + ": the dlib face model has no tensor '" + name + "'");
    }
    Tensor t = weights.get(name);
    if (!Arrays.equals(t.shape(), shape)) {
      throw new ModelFormatException(weights.source() + ": tensor '" + name + "' has shape "
          + Arrays.toString(t.shape()) + ", the dlib face model needs " + Arrays.toString(shape));
    }
    return TensorArrays.toFloats(t);
  }

  /**
   * Computes descriptors.
   *
   * @param chips {@code [N, 3, 150, 150]} RGB values 0..255; the intermediate arrays join its manager
   * @return {@code [N, 128]} descriptors, not normalised
   */
  NDArray forward(NDArray chips) {
    NDArray x = chips.sub(mean).div(256f);
    x = Activation.relu(stem.apply(x));
    x = Pool.maxPool2d(x, new Shape(3, 3), TWO, VALID, false);
    for (Block block : blocks) {
      x = block.apply(x);
    }
    long n = x.getShape().get(0);
    return x.reshape(n, x.getShape().get(1), -1).mean(new int[] {2}).matMul(fc);
  }

  @Override
  public void close() {
    manager.close();
  }
}
