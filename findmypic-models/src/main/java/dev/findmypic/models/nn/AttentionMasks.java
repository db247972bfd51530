package dev.findmypic.models.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

/**
 * Builds the additive masks that {@link MultiHeadAttention} takes: 0 where a query may attend to a key and the most
 * negative float where it may not, as Hugging Face transformers does.
 */
public final class AttentionMasks {
  /** The value at blocked positions: {@code torch.finfo(torch.float32).min}. */
  static final float BLOCKED = -Float.MAX_VALUE;

  private AttentionMasks() {}

  /**
   * A mask that blocks padding keys.
   *
   * @param manager owns the result
   * @param keep {@code [batch * tokens]} row-major, non-zero for real tokens and 0 for padding
   * @param batch the number of sequences
   * @param tokens the padded sequence length
   * @return {@code [batch, 1, 1, tokens]}
   */
  public static NDArray padding(NDManager manager, long[] keep, int batch, int tokens) {
    float[] mask = new float[batch * tokens];
    for (int i = 0; i < mask.length; i++) {
      mask[i] = keep[i] != 0 ? 0 : BLOCKED;
    }
    return manager.create(mask, new Shape(batch, 1, 1, tokens));
  }

  /**
   * A mask that blocks later keys (causal) and, where {@code keep} is given, padding keys too.
   *
   * @param manager owns the result
   * @param keep null, or {@code [batch * tokens]} row-major, non-zero for real tokens and 0 for padding
   * @param batch the number of sequences
   * @param tokens the padded sequence length
   * @return {@code [1, 1, tokens, tokens]} without {@code keep}, else {@code [batch, 1, tokens, tokens]}
   */
  public static NDArray causal(NDManager manager, long[] keep, int batch, int tokens) {
    int sequences = keep == null ? 1 : batch;
    float[] mask = new float[sequences * tokens * tokens];
    for (int b = 0; b < sequences; b++) {
      for (int q = 0; q < tokens; q++) {
        int row = (b * tokens + q) * tokens;
        for (int k = 0; k < tokens; k++) {
          boolean open = k <= q && (keep == null || keep[b * tokens + k] != 0);
          mask[row + k] = open ? 0 : BLOCKED;
        }
      }
    }
    return manager.create(mask, new Shape(sequences, 1, tokens, tokens));
  }
}
