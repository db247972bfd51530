package dev.findmypic.models.nn;

/**
 * Token ids of several texts, padded to one length, row-major.
 *
 * @param size the number of texts
 * @param length the padded length
 * @param ids {@code size * length} token ids
 * @param mask {@code size * length} flags: 1 for a real token, 0 for padding
 */
public record TokenBatch(int size, int length, long[] ids, long[] mask) {
  /** Checks the lengths. */
  public TokenBatch {
    if (ids.length != (long) size * length || mask.length != ids.length) {
      throw new IllegalArgumentException("token batch of " + size + " x " + length + " needs that many ids and mask "
          + "flags, got " + ids.length + " and " + mask.length);
    }
  }

  /**
   * Returns a token id.
   *
   * @param row the text
   * @param position the position
   * @return the id
   */
  public long id(int row, int position) {
    return ids[row * length + position];
  }

  /** @return true if some position is padding (a text shorter than the batch's length) */
  public boolean hasPadding() {
    for (long flag : mask) {
      if (flag == 0) {
        return true;
      }
    }
    return false;
  }

  /**
   * Counts a text's real tokens.
   *
   * @param row the text
   * @return the number of unmasked positions
   */
  public int realTokens(int row) {
    int n = 0;
    for (int i = row * length; i < (row + 1) * length; i++) {
      n += mask[i] != 0 ? 1 : 0;
    }
    return n;
  }
}
