package dev.findmypic.models.face.facenet;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.convolutional.Conv2d;
import dev.findmypic.core.ModelFormatException;
import dev.findmypic.models.checkpoint.Checkpoint;
import dev.findmypic.models.checkpoint.Tensor;
import dev.findmypic.models.checkpoint.TensorArrays;
import java.util.Arrays;

/**
 * facenet-pytorch's {@code BasicConv2d} (convolution without bias, BatchNorm with eps 0.001, ReLU) with the
 * BatchNorm folded into the filters once at load time: {@code w' = w * g / sqrt(var + eps)},
 * {@code b' = beta - mean * g / sqrt(var + eps)}, computed in double.
 */
final class ConvBn {
  static final double BN_EPS = 0.001;

  private final NDArray weight;
  private final NDArray bias;
  private final Shape stride;
  private final Shape padding;

  private ConvBn(NDArray weight, NDArray bias, Shape stride, Shape padding) {
    this.weight = weight;
    this.bias = bias;
    this.stride = stride;
    this.padding = padding;
  }

  /**
   * Reads {@code <prefix>.conv.weight} and {@code <prefix>.bn.*}.
   *
   * @param weights the checkpoint
   * @param prefix the module's state_dict prefix
   * @param shape the expected filter shape {out, in, kh, kw}
   * @param stride the stride (both directions)
   * @param padH rows of zero padding
   * @param padW columns of zero padding
   * @param manager owns the folded arrays
   * @return the layer
   */
  static ConvBn load(Checkpoint weights, String prefix, long[] shape, int stride, int padH, int padW,
      NDManager manager) {
    float[] w = floats(weights, prefix + ".conv.weight", shape);
    long[] vector = {shape[0]};
    float[] gamma = floats(weights, prefix + ".bn.weight", vector);
    float[] beta = floats(weights, prefix + ".bn.bias", vector);
    float[] mean = floats(weights, prefix + ".bn.running_mean", vector);
    float[] var = floats(weights, prefix + ".bn.running_var", vector);
    int per = w.length / (int) shape[0];
    float[] b = new float[(int) shape[0]];
    for (int o = 0; o < shape[0]; o++) {
      double k = gamma[o] / Math.sqrt(var[o] + BN_EPS);
      for (int i = o * per; i < (o + 1) * per; i++) {
        w[i] = (float) (w[i] * k);
      }
      b[o] = (float) (beta[o] - mean[o] * k);
    }
    return new ConvBn(manager.create(w, new Shape(shape)), manager.create(b), new Shape(stride, stride),
        new Shape(padH, padW));
  }

  /**
   * Reads a tensor as floats, checking its shape.
   *
   * @param weights the checkpoint
   * @param name the tensor's name
   * @param shape the expected shape
   * @return the values, row-major
   * @throws ModelFormatException naming the file and tensor if it is missing or misshapen
   */
  static float[] floats(Checkpoint weights, String name, long[] shape) {
    if (!weights.names().contains(name)) {
      throw new ModelFormatException(weights.source() + ": tensor '" + name + "' is missing; is this an"
          + " InceptionResnetV1 state_dict (facenet-pytorch)?");
    }
    Tensor tensor = weights.get(name);
    if (!Arrays.equals(tensor.shape(), shape)) {
      throw new ModelFormatException(weights.source() + ": tensor '" + name + "' has shape "
          + Arrays.toString(tensor.shape()) + ", expected " + Arrays.toString(shape));
    }
    return TensorArrays.toFloats(tensor);
  }

  /**
   * Convolution, folded BatchNorm, ReLU.
   *
   * @param x [N,C,H,W]
   * @return the activations
   */
  NDArray apply(NDArray x) {
    return Activation.relu(Conv2d.conv2d(x, weight, bias, stride, padding).singletonOrThrow());
  }
}
