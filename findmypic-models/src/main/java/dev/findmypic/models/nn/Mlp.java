package dev.findmypic.models.nn;

import ai.djl.ndarray.NDArray;

/** The feed-forward block of a transformer layer: a linear layer, an activation, and a linear layer back. */
public final class Mlp {
  private final Linear up;
  private final Linear down;
  private final Activation activation;

  /**
   * Wraps the layers.
   *
   * @param up {@code hidden -> intermediate}
   * @param activation the activation between them
   * @param down {@code intermediate -> hidden}
   */
  public Mlp(Linear up, Activation activation, Linear down) {
    this.up = up;
    this.down = down;
    this.activation = activation;
  }

  /**
   * Applies the block.
   *
   * @param x {@code [..., hidden]}
   * @return {@code [..., hidden]}, owned by {@code x}'s manager
   */
  public NDArray apply(NDArray x) {
    try (NDArray hidden = activation.applyInPlace(up.apply(x))) {
      return down.apply(hidden);
    }
  }
}
