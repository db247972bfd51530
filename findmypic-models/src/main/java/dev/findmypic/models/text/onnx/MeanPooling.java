package dev.findmypic.models.text.onnx;

import dev.findmypic.core.Vectors;

/** Sentence-transformers' pooling: the mean of the token vectors where the attention mask is 1, then L2. */
final class MeanPooling {
  private MeanPooling() {}

  /**
   * Pools a batch of token vectors.
   *
   * @param hidden the encoder's {@code last_hidden_state}, {@code [rows, length, dimension]} flattened row-major
   * @param batch the batch that produced it (its mask and shape)
   * @param dimension the size of a token vector
   * @return one unit vector per row; a row without any unmasked token gives a zero vector
   */
  static float[][] poolAndNormalize(float[] hidden, TokenBatch batch, int dimension) {
    int length = batch.length();
    long[] mask = batch.attentionMask();
    float[][] pooled = new float[batch.rows()][dimension];
    for (int r = 0; r < batch.rows(); r++) {
      float[] sum = pooled[r];
      int count = 0;
      for (int t = 0; t < length; t++) {
        if (mask[r * length + t] == 0) {
          continue;
        }
        count++;
        int offset = (r * length + t) * dimension;
        for (int d = 0; d < dimension; d++) {
          sum[d] += hidden[offset + d];
        }
      }
      if (count > 0) {
        float inverse = 1f / count;
        for (int d = 0; d < dimension; d++) {
          sum[d] *= inverse;
        }
      }
      Vectors.normalizeInPlace(sum);
    }
    return pooled;
  }
}
