package dev.findmypic.models.text.onnx;

import java.util.Arrays;
import java.util.List;

/**
 * Token ids of several texts, right-padded with id 0 to the longest, as the encoder takes them.
 *
 * @param inputIds {@code rows * length} ids, row by row
 * @param attentionMask {@code rows * length} values, 1 for a real token and 0 for padding
 * @param rows the number of texts
 * @param length the padded length of every row
 */
record TokenBatch(long[] inputIds, long[] attentionMask, int rows, int length) {

  /**
   * Pads token id sequences to the longest.
   *
   * @param sequences the ids of each text, each at least one id long
   * @return the padded batch
   */
  static TokenBatch pad(List<long[]> sequences) {
    int rows = sequences.size();
    int length = 0;
    for (long[] ids : sequences) {
      length = Math.max(length, ids.length);
    }
    long[] inputIds = new long[rows * length];
    long[] mask = new long[rows * length];
    for (int r = 0; r < rows; r++) {
      long[] ids = sequences.get(r);
      System.arraycopy(ids, 0, inputIds, r * length, ids.length);
      Arrays.fill(mask, r * length, r * length + ids.length, 1L);
    }
    return new TokenBatch(inputIds, mask, rows, length);
  }
}
