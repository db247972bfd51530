package dev.findmypic.models.nn;

import ai.djl.ndarray.NDArray;
import java.util.List;

/** A stack of {@link EncoderLayer}s applied in order. Thread-safe. */
public final class Encoder {
  private final List<EncoderLayer> layers;

  /**
   * Wraps layers.
   *
   * @param layers the layers, first applied first
   */
  public Encoder(List<EncoderLayer> layers) {
    this.layers = List.copyOf(layers);
  }

  /**
   * Applies every layer. The input is left as it is; each intermediate output is closed as soon as the next layer
   * has read it.
   *
   * @param x {@code [batch, tokens, hidden]}
   * @param additiveMask null or a mask as {@link MultiHeadAttention#apply} takes
   * @return the last layer's output, owned by {@code x}'s manager
   */
  public NDArray apply(NDArray x, NDArray additiveMask) {
    NDArray current = x;
    for (EncoderLayer layer : layers) {
      NDArray next = layer.apply(current, additiveMask);
      if (current != x) {
        current.close();
      }
      current = next;
    }
    return current;
  }

  /** @return the number of layers */
  public int depth() {
    return layers.size();
  }
}
