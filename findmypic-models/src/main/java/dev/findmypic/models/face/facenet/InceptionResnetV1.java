package dev.findmypic.models.face.facenet;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.pooling.Pool;
import dev.findmypic.models.checkpoint.Checkpoint;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * facenet-pytorch's {@code InceptionResnetV1(classify=False)} in eval mode on DJL: stem, 5 × Block35 (scale 0.17),
 * Mixed_6a, 10 × Block17 (0.10), Mixed_7a, 5 × Block8 (0.20), a final Block8 without ReLU, average pooling,
 * {@code last_linear} + {@code last_bn} (folded into one affine map), L2 normalisation. BatchNorms are folded into
 * their convolutions at load time. Input: [N,3,160,160] standardised RGB; output: [N,512] unit vectors.
 * Immutable and thread-safe; the manager given at load time owns the weights.
 */
final class InceptionResnetV1 {
  /** The embedding length. */
  static final int DIMENSION = 512;

  private final List<ConvBn> stem;
  private final List<Residual> repeat1;
  private final List<List<ConvBn>> mixed6a;
  private final List<Residual> repeat2;
  private final List<List<ConvBn>> mixed7a;
  private final List<Residual> repeat3;
  private final Residual block8;
  private final NDArray linearWeight;
  private final NDArray linearBias;

  private InceptionResnetV1(Checkpoint w, NDManager m) {
    stem = List.of(
        ConvBn.load(w, "conv2d_1a", new long[] {32, 3, 3, 3}, 2, 0, 0, m),
        ConvBn.load(w, "conv2d_2a", new long[] {32, 32, 3, 3}, 1, 0, 0, m),
        ConvBn.load(w, "conv2d_2b", new long[] {64, 32, 3, 3}, 1, 1, 1, m),
        ConvBn.load(w, "conv2d_3b", new long[] {80, 64, 1, 1}, 1, 0, 0, m),
        ConvBn.load(w, "conv2d_4a", new long[] {192, 80, 3, 3}, 1, 0, 0, m),
        ConvBn.load(w, "conv2d_4b", new long[] {256, 192, 3, 3}, 2, 0, 0, m));
    repeat1 = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      repeat1.add(Residual.block35(w, "repeat_1." + i, m));
    }
    mixed6a = List.of(
        List.of(ConvBn.load(w, "mixed_6a.branch0", new long[] {384, 256, 3, 3}, 2, 0, 0, m)),
        List.of(ConvBn.load(w, "mixed_6a.branch1.0", new long[] {192, 256, 1, 1}, 1, 0, 0, m),
            ConvBn.load(w, "mixed_6a.branch1.1", new long[] {192, 192, 3, 3}, 1, 1, 1, m),
            ConvBn.load(w, "mixed_6a.branch1.2", new long[] {256, 192, 3, 3}, 2, 0, 0, m)));
    repeat2 = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      repeat2.add(Residual.block17(w, "repeat_2." + i, m));
    }
    mixed7a = List.of(
        List.of(ConvBn.load(w, "mixed_7a.branch0.0", new long[] {256, 896, 1, 1}, 1, 0, 0, m),
            ConvBn.load(w, "mixed_7a.branch0.1", new long[] {384, 256, 3, 3}, 2, 0, 0, m)),
        List.of(ConvBn.load(w, "mixed_7a.branch1.0", new long[] {256, 896, 1, 1}, 1, 0, 0, m),
            ConvBn.load(w, "mixed_7a.branch1.1", new long[] {256, 256, 3, 3}, 2, 0, 0, m)),
        List.of(ConvBn.load(w, "mixed_7a.branch2.0", new long[] {256, 896, 1, 1}, 1, 0, 0, m),
            ConvBn.load(w, "mixed_7a.branch2.1", new long[] {256, 256, 3, 3}, 1, 1, 1, m),
            ConvBn.load(w, "mixed_7a.branch2.2", new long[] {256, 256, 3, 3}, 2, 0, 0, m)));
    repeat3 = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      repeat3.add(Residual.block8(w, "repeat_3." + i, 0.20f, true, m));
    }
    block8 = Residual.block8(w, "block8", 1.0f, false, m);
    NDArray[] affine = lastAffine(w, m);
    linearWeight = affine[0];
    linearBias = affine[1];
  }

  /**
   * Builds the network from a state_dict ({@code logits.*} and {@code num_batches_tracked} are ignored).
   *
   * @param weights the checkpoint
   * @param manager owns the weights
   * @return the network
   * @throws dev.findmypic.core.ModelFormatException if a tensor is missing or misshapen
   */
  static InceptionResnetV1 load(Checkpoint weights, NDManager manager) {
    return new InceptionResnetV1(weights, manager);
  }

  /**
   * Embeds a batch.
   *
   * @param x [N,3,160,160] standardised RGB
   * @return [N,512] unit vectors
   */
  NDArray forward(NDArray x) {
    return forward(x, (name, value) -> { });
  }

  /**
   * Embeds a batch and shows intermediate results to an observer: {@code after_conv2d_4b}, {@code after_repeat_1},
   * {@code after_mixed_6a}, {@code after_repeat_2}, {@code after_block8} and {@code last_bn}.
   *
   * @param x [N,3,160,160] standardised RGB
   * @param tap receives each intermediate; it must not close them
   * @return [N,512] unit vectors
   */
  NDArray forward(NDArray x, BiConsumer<String, NDArray> tap) {
    for (int i = 0; i < stem.size(); i++) {
      x = stem.get(i).apply(x);
      if (i == 2) {
        x = maxPool(x);
      }
    }
    tap.accept("after_conv2d_4b", x);
    x = apply(repeat1, x);
    tap.accept("after_repeat_1", x);
    x = concat(x, mixed6a, true);
    tap.accept("after_mixed_6a", x);
    x = apply(repeat2, x);
    tap.accept("after_repeat_2", x);
    x = concat(x, mixed7a, true);
    x = apply(repeat3, x);
    x = block8.apply(x);
    tap.accept("after_block8", x);
    x = x.reshape(x.getShape().get(0), x.getShape().get(1), -1).mean(new int[] {2});
    x = Linear.linear(x, linearWeight, linearBias).singletonOrThrow();
    tap.accept("last_bn", x);
    return x.div(x.square().sum(new int[] {1}, true).sqrt().maximum(1e-12f));
  }

  private static NDArray apply(List<Residual> blocks, NDArray x) {
    for (Residual block : blocks) {
      x = block.apply(x);
    }
    return x;
  }

  /** Runs each branch (a chain of convolutions) on x and concatenates along channels, optionally with max-pooled x. */
  static NDArray concat(NDArray x, List<List<ConvBn>> branches, boolean withPool) {
    NDList outs = new NDList();
    for (List<ConvBn> branch : branches) {
      NDArray y = x;
      for (ConvBn conv : branch) {
        y = conv.apply(y);
      }
      outs.add(y);
    }
    if (withPool) {
      outs.add(maxPool(x));
    }
    return NDArrays.concat(outs, 1);
  }

  private static NDArray maxPool(NDArray x) {
    return Pool.maxPool2d(x, new Shape(3, 3), new Shape(2, 2), new Shape(0, 0), false);
  }

  /** {@code last_bn(last_linear(x))} as one affine map, folded in double. */
  private static NDArray[] lastAffine(Checkpoint w, NDManager m) {
    float[] weight = ConvBn.floats(w, "last_linear.weight", new long[] {DIMENSION, 1792});
    long[] vector = {DIMENSION};
    float[] gamma = ConvBn.floats(w, "last_bn.weight", vector);
    float[] beta = ConvBn.floats(w, "last_bn.bias", vector);
    float[] mean = ConvBn.floats(w, "last_bn.running_mean", vector);
    float[] var = ConvBn.floats(w, "last_bn.running_var", vector);
    float[] bias = new float[DIMENSION];
    for (int o = 0; o < DIMENSION; o++) {
      double k = gamma[o] / Math.sqrt(var[o] + ConvBn.BN_EPS);
      for (int i = o * 1792; i < (o + 1) * 1792; i++) {
        weight[i] = (float) (weight[i] * k);
      }
      bias[o] = (float) (beta[o] - mean[o] * k);
    }
    return new NDArray[] {m.create(weight, new Shape(DIMENSION, 1792)), m.create(bias)};
  }

  /** Block35, Block17 and Block8: branches, a 1×1 convolution with bias, {@code out * scale + x}, optional ReLU. */
  private record Residual(List<List<ConvBn>> branches, NDArray weight, NDArray bias, float scale, boolean relu) {
    static Residual block35(Checkpoint w, String p, NDManager m) {
      return new Residual(List.of(
          List.of(ConvBn.load(w, p + ".branch0", new long[] {32, 256, 1, 1}, 1, 0, 0, m)),
          List.of(ConvBn.load(w, p + ".branch1.0", new long[] {32, 256, 1, 1}, 1, 0, 0, m),
              ConvBn.load(w, p + ".branch1.1", new long[] {32, 32, 3, 3}, 1, 1, 1, m)),
          List.of(ConvBn.load(w, p + ".branch2.0", new long[] {32, 256, 1, 1}, 1, 0, 0, m),
              ConvBn.load(w, p + ".branch2.1", new long[] {32, 32, 3, 3}, 1, 1, 1, m),
              ConvBn.load(w, p + ".branch2.2", new long[] {32, 32, 3, 3}, 1, 1, 1, m))),
          conv(w, p, 256, 96, m), bias(w, p, 256, m), 0.17f, true);
    }

    static Residual block17(Checkpoint w, String p, NDManager m) {
      return new Residual(List.of(
          List.of(ConvBn.load(w, p + ".branch0", new long[] {128, 896, 1, 1}, 1, 0, 0, m)),
          List.of(ConvBn.load(w, p + ".branch1.0", new long[] {128, 896, 1, 1}, 1, 0, 0, m),
              ConvBn.load(w, p + ".branch1.1", new long[] {128, 128, 1, 7}, 1, 0, 3, m),
              ConvBn.load(w, p + ".branch1.2", new long[] {128, 128, 7, 1}, 1, 3, 0, m))),
          conv(w, p, 896, 256, m), bias(w, p, 896, m), 0.10f, true);
    }

    static Residual block8(Checkpoint w, String p, float scale, boolean relu, NDManager m) {
      return new Residual(List.of(
          List.of(ConvBn.load(w, p + ".branch0", new long[] {192, 1792, 1, 1}, 1, 0, 0, m)),
          List.of(ConvBn.load(w, p + ".branch1.0", new long[] {192, 1792, 1, 1}, 1, 0, 0, m),
              ConvBn.load(w, p + ".branch1.1", new long[] {192, 192, 1, 3}, 1, 0, 1, m),
              ConvBn.load(w, p + ".branch1.2", new long[] {192, 192, 3, 1}, 1, 1, 0, m))),
          conv(w, p, 1792, 384, m), bias(w, p, 1792, m), scale, relu);
    }

    private static NDArray conv(Checkpoint w, String p, long out, long in, NDManager m) {
      return m.create(ConvBn.floats(w, p + ".conv2d.weight", new long[] {out, in, 1, 1}), new Shape(out, in, 1, 1));
    }

    private static NDArray bias(Checkpoint w, String p, long out, NDManager m) {
      return m.create(ConvBn.floats(w, p + ".conv2d.bias", new long[] {out}));
    }

    NDArray apply(NDArray x) {
      NDArray mixed = concat(x, branches, false);
      NDArray out = Conv2d.conv2d(mixed, weight, bias).singletonOrThrow().mul(scale).add(x);
      return relu ? Activation.relu(out) : out;
    }
  }
}
