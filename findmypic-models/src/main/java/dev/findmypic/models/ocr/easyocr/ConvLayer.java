package dev.findmypic.models.ocr.easyocr;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.convolutional.Conv2d;

/**
 * A 2-D convolution with an optional eval-mode BatchNorm folded into its weights and bias at load time
 * ({@code w * gamma / sqrt(var + eps)}, {@code (b - mean) * gamma / sqrt(var + eps) + beta}, computed in double).
 */
final class ConvLayer {
  private final NDArray weight;
  private final NDArray bias;
  private final Shape padding;
  private final Shape dilation;

  private ConvLayer(NDArray weight, NDArray bias, int padding, int dilation) {
    this.weight = weight;
    this.bias = bias;
    this.padding = new Shape(padding, padding);
    this.dilation = new Shape(dilation, dilation);
  }

  /**
   * Loads a convolution.
   *
   * @param weights the state dict
   * @param conv the convolution's module name, for example {@code basenet.slice1.0}
   * @param batchNorm the following BatchNorm's module name, or null if there is none
   * @param hasBias whether the convolution has a bias
   * @param in input channels
   * @param out output channels
   * @param kernel kernel size (square)
   * @param padding zero padding on each side
   * @param dilation kernel dilation
   * @param manager owns the arrays
   * @return the layer
   */
  static ConvLayer load(StateDict weights, String conv, String batchNorm, boolean hasBias, int in, int out,
      int kernel, int padding, int dilation, NDManager manager) {
    float[] w = weights.floats(conv + ".weight", out, in, kernel, kernel);
    float[] b = hasBias ? weights.floats(conv + ".bias", out) : new float[out];
    if (batchNorm != null) {
      float[] gamma = weights.floats(batchNorm + ".weight", out);
      float[] beta = weights.floats(batchNorm + ".bias", out);
      float[] mean = weights.floats(batchNorm + ".running_mean", out);
      float[] var = weights.floats(batchNorm + ".running_var", out);
      int per = in * kernel * kernel;
      for (int o = 0; o < out; o++) {
        double scale = gamma[o] / Math.sqrt(var[o] + 1e-5);
        for (int i = o * per; i < (o + 1) * per; i++) {
          w[i] = (float) (w[i] * scale);
        }
        b[o] = (float) ((b[o] - mean[o]) * scale + beta[o]);
      }
    }
    return new ConvLayer(manager.create(w, new Shape(out, in, kernel, kernel)), manager.create(b), padding,
        dilation);
  }

  /**
   * @param x input [N, in, H, W]
   * @return the convolution, stride 1
   */
  NDArray apply(NDArray x) {
    return Conv2d.conv2d(x, weight, bias, new Shape(1, 1), padding, dilation).singletonOrThrow();
  }

  /**
   * @param x input [N, in, H, W]
   * @return the convolution followed by ReLU (the pre-activation is freed at once)
   */
  NDArray applyRelu(NDArray x) {
    try (NDArray pre = apply(x)) {
      return pre.maximum(0f);
    }
  }
}
