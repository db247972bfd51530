package dev.findmypic.models.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;

/** Sentence-transformers' mean pooling: the average of the token vectors that the attention mask keeps. */
public final class MeanPooling {
  private MeanPooling() {}

  /**
   * Averages each text's real token vectors.
   *
   * @param hidden {@code [batch, tokens, hidden]}
   * @param batch the tokens, whose mask says which positions are real
   * @return {@code [batch, hidden]}, owned by {@code hidden}'s manager; a text with no real token gives zeros
   */
  public static NDArray apply(NDArray hidden, TokenBatch batch) {
    float[] keep = new float[batch.mask().length];
    float[] inverseCounts = new float[batch.size()];
    for (int row = 0; row < batch.size(); row++) {
      inverseCounts[row] = 1f / Math.max(batch.realTokens(row), 1e-9f);
      for (int t = 0; t < batch.length(); t++) {
        keep[row * batch.length() + t] = batch.mask()[row * batch.length() + t] != 0 ? 1 : 0;
      }
    }
    try (NDArray mask = hidden.getManager().create(keep, new Shape(batch.size(), batch.length(), 1));
        NDArray scale = hidden.getManager().create(inverseCounts, new Shape(batch.size(), 1));
        NDArray masked = hidden.mul(mask);
        NDArray sums = masked.sum(new int[] {1})) {
      return sums.mul(scale);
    }
  }
}
