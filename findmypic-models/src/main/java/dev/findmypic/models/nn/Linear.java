package dev.findmypic.models.nn;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;

/**
 * A fully connected layer, {@code y = x W^T + b}, with the weight in PyTorch's {@code [out, in]} layout. Thread-safe:
 * the parameters are never changed.
 *
 * <p>On the CPU an input of at most {@value #FEW_ROWS} rows (a short text query) is multiplied as {@code (W x^T)^T}
 * instead. It is the same product, but MKL (in DJL's libtorch 2.7.1) runs {@code x W^T} with so few rows on one
 * thread, and {@code W x^T} on all of them. The fastest of 13 rounds for the 48 linear layers of CLIP ViT-B/32's text
 * tower on 2 cores ({@code benchmarks/clip/LinearRowsProbe.java}): 7.5 against 14.9 ms for 4 rows, 10.6 against 13.3
 * for 6, 11.2 against 14.0 for 8, but 19.8 against 17.0 for 10 and 26.1 against 20.6 for 12.
 */
public final class Linear {
  /** The most rows that are multiplied as {@code (W x^T)^T} on the CPU. */
  static final long FEW_ROWS = 8;

  private final NDArray weight;
  private final NDArray bias;

  /**
   * Wraps parameters.
   *
   * @param weight {@code [out, in]}
   * @param bias {@code [out]}, or null for none
   */
  public Linear(NDArray weight, NDArray bias) {
    this.weight = weight;
    this.bias = bias;
  }

  /**
   * Loads {@code prefix.weight} and, where present, {@code prefix.bias}.
   *
   * @param weights the parameters
   * @param prefix the layer's name, for example {@code text_model.encoder.layers.0.mlp.fc1}
   * @return the layer
   */
  public static Linear load(Weights weights, String prefix) {
    return new Linear(weights.get(prefix + ".weight"), weights.getOptional(prefix + ".bias"));
  }

  /**
   * Stacks layers that read the same input into one, whose output is theirs concatenated along the last axis (for
   * example query, key and value projections fused into one matrix product). The parts are closed.
   *
   * @param parts layers with equal input sizes, all with a bias or all without
   * @return the fused layer, owned by the first part's manager
   */
  public static Linear concat(Linear... parts) {
    NDList weights = new NDList();
    NDList biases = new NDList();
    for (Linear part : parts) {
      weights.add(part.weight);
      if (part.bias != null) {
        biases.add(part.bias);
      }
    }
    if (!biases.isEmpty() && biases.size() != parts.length) {
      throw new IllegalArgumentException("cannot fuse linear layers where only some have a bias");
    }
    NDArray weight = NDArrays.concat(weights, 0);
    NDArray bias = biases.isEmpty() ? null : NDArrays.concat(biases, 0);
    weights.close();
    biases.close();
    return new Linear(weight, bias);
  }

  /**
   * Multiplies weight and bias by a constant, so that {@code scaled(s).apply(x) == s * apply(x)}. This layer is
   * closed.
   *
   * @param factor the constant
   * @return the scaled layer, owned by this layer's manager
   */
  public Linear scaled(float factor) {
    Linear scaled = new Linear(weight.mul(factor), bias == null ? null : bias.mul(factor));
    close();
    return scaled;
  }

  /**
   * Converts the parameters to another type, for example fp16 for a GPU. This layer is closed unless it already has
   * that type.
   *
   * @param type the new type
   * @return the converted layer (this one if nothing changes), owned by this layer's manager
   */
  public Linear toType(DataType type) {
    if (weight.getDataType() == type) {
      return this;
    }
    Linear converted = new Linear(weight.toType(type, false), bias == null ? null : bias.toType(type, false));
    close();
    return converted;
  }

  /**
   * Applies the layer to the last axis, in the parameters' type: an input of another type is converted first, as
   * autocast does.
   *
   * @param x {@code [..., in]}
   * @return {@code [..., out]} in the parameters' type, owned by {@code x}'s manager
   */
  public NDArray apply(NDArray x) {
    if (x.getDataType() == weight.getDataType()) {
      return product(x);
    }
    try (NDArray converted = x.toType(weight.getDataType(), false)) {
      return product(converted);
    }
  }

  private NDArray product(NDArray x) {
    Shape shape = x.getShape();
    long rows = shape.tail() == 0 ? 0 : shape.size() / shape.tail();
    if (rows == 0 || rows > FEW_ROWS || !weight.getDevice().equals(Device.cpu())) {
      return x.getNDArrayInternal().linear(x, weight, bias).singletonOrThrow();
    }
    Shape outputShape = shape.slice(0, shape.dimension() - 1).add(weight.getShape().get(0));
    try (NDArray flat = x.reshape(rows, shape.tail());
        NDArray flatT = flat.transpose();
        NDArray productT = weight.matMul(flatT);
        NDArray product = productT.transpose();
        NDArray sum = bias == null ? product.duplicate() : product.add(bias)) {
      return sum.reshape(outputShape);
    }
  }

  /** @return the number of outputs */
  public long outputs() {
    return weight.getShape().get(0);
  }

  private void close() {
    weight.close();
    if (bias != null) {
      bias.close();
    }
  }
}
