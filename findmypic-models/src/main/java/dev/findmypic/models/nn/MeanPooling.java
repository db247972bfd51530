package dev.findmypic.models.nn;

/**
 * Sentence-transformers' mean pooling: the average of the token vectors that the attention mask keeps. It runs on
 * the token vectors copied out of the engine (a few hundred kilobytes a batch), so the PyTorch and the ONNX Runtime
 * sentence embedders share it.
 */
public final class MeanPooling {
  private MeanPooling() {}

  /**
   * Averages each text's real token vectors.
   *
   * @param hidden {@code [rows, length, dimension]} token vectors, row-major
   * @param mask {@code [rows, length]}, non-zero for a real token and 0 for padding
   * @param rows the number of texts
   * @param length the padded length
   * @param dimension the size of a token vector
   * @return {@code [rows, dimension]} means, row-major, not normalised; a text with no real token gives zeros
   */
  public static float[] apply(float[] hidden, long[] mask, int rows, int length, int dimension) {
    if (hidden.length != (long) rows * length * dimension || mask.length != rows * length) {
      throw new IllegalArgumentException("mean pooling of " + rows + " x " + length + " tokens of " + dimension
          + " needs that many values and mask flags, got " + hidden.length + " and " + mask.length);
    }
    float[] pooled = new float[rows * dimension];
    for (int r = 0; r < rows; r++) {
      int out = r * dimension;
      int count = 0;
      for (int t = 0; t < length; t++) {
        if (mask[r * length + t] == 0) {
          continue;
        }
        count++;
        int in = (r * length + t) * dimension;
        for (int d = 0; d < dimension; d++) {
          pooled[out + d] += hidden[in + d];
        }
      }
      if (count > 0) {
        float inverse = 1f / count;
        for (int d = 0; d < dimension; d++) {
          pooled[out + d] *= inverse;
        }
      }
    }
    return pooled;
  }
}
