package dev.findmypic.models.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.DataType;

/**
 * A fully connected layer, {@code y = x W^T + b}, with the weight in PyTorch's {@code [out, in]} layout. Thread-safe:
 * the parameters are never changed.
 */
public final class Linear {
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
      return x.getNDArrayInternal().linear(x, weight, bias).singletonOrThrow();
    }
    try (NDArray converted = x.toType(weight.getDataType(), false)) {
      return converted.getNDArrayInternal().linear(converted, weight, bias).singletonOrThrow();
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
