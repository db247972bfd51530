package dev.findmypic.models.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;

/** Layer normalisation over the last axis, with a learnt scale and shift. Thread-safe. */
public final class LayerNorm {
  private final NDArray gamma;
  private final NDArray beta;
  private final Shape normalizedShape;
  private final float eps;

  /**
   * Wraps parameters.
   *
   * @param gamma the scale, {@code [hidden]}
   * @param beta the shift, {@code [hidden]}
   * @param eps the constant added to the variance
   */
  public LayerNorm(NDArray gamma, NDArray beta, float eps) {
    this.gamma = gamma;
    this.beta = beta;
    this.normalizedShape = gamma.getShape();
    this.eps = eps;
  }

  /**
   * Loads {@code prefix.weight} and {@code prefix.bias}.
   *
   * @param weights the parameters
   * @param prefix the layer's name
   * @param eps the constant added to the variance, as the model's config gives it
   * @return the layer
   */
  public static LayerNorm load(Weights weights, String prefix, double eps) {
    return new LayerNorm(weights.get(prefix + ".weight"), weights.get(prefix + ".bias"), (float) eps);
  }

  /**
   * Normalises the last axis in the parameters' type (fp32 in every model here): an input of another type, such as
   * an fp16 product, is converted first, as autocast runs layer norms in fp32.
   *
   * @param x {@code [..., hidden]}
   * @return an array of the same shape in the parameters' type, owned by {@code x}'s manager
   */
  public NDArray apply(NDArray x) {
    if (x.getDataType() == gamma.getDataType()) {
      return x.getNDArrayInternal().layerNorm(x, normalizedShape, gamma, beta, eps).singletonOrThrow();
    }
    try (NDArray converted = x.toType(gamma.getDataType(), false)) {
      return converted.getNDArrayInternal().layerNorm(converted, normalizedShape, gamma, beta, eps)
          .singletonOrThrow();
    }
  }
}
