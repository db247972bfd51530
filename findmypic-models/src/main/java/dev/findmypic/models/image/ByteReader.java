package dev.findmypic.models.image;

/**
 * Bounds-checked reads of unsigned integers from a byte array, in either byte order. Every read that would leave the
 * array throws {@link Truncated}, so a parser of hostile headers never reads past what the file holds.
 */
final class ByteReader {
  /** A read went past the end of the data. */
  static final class Truncated extends InvalidImage {
    Truncated(String message) {
      super("truncated or damaged: " + message);
    }
  }

  private final byte[] data;
  private final int start;
  private final int end;
  private final boolean bigEndian;

  /**
   * @param data the bytes
   * @param start the first byte of the view
   * @param end one past the last byte of the view
   * @param bigEndian true for Motorola (MM) order, false for Intel (II)
   */
  ByteReader(byte[] data, int start, int end, boolean bigEndian) {
    this.data = data;
    this.start = start;
    this.end = Math.min(end, data.length);
    this.bigEndian = bigEndian;
  }

  /** @return the number of bytes in the view */
  int length() {
    return end - start;
  }

  /** @return a reader over the same bytes in the given byte order */
  ByteReader withOrder(boolean bigEndian) {
    return new ByteReader(data, start, end, bigEndian);
  }

  private int check(long offset, int size) throws Truncated {
    if (offset < 0 || offset + size > end - start) {
      throw new Truncated("read of " + size + " bytes at " + offset + " past the end (" + (end - start) + " bytes)");
    }
    return start + (int) offset;
  }

  int u8(long offset) throws Truncated {
    return data[check(offset, 1)] & 0xFF;
  }

  int u16(long offset) throws Truncated {
    int i = check(offset, 2);
    int a = data[i] & 0xFF;
    int b = data[i + 1] & 0xFF;
    return bigEndian ? (a << 8) | b : (b << 8) | a;
  }

  int u24(long offset) throws Truncated {
    int i = check(offset, 3);
    int a = data[i] & 0xFF;
    int b = data[i + 1] & 0xFF;
    int c = data[i + 2] & 0xFF;
    return bigEndian ? (a << 16) | (b << 8) | c : (c << 16) | (b << 8) | a;
  }

  long u32(long offset) throws Truncated {
    int i = check(offset, 4);
    long v = 0;
    for (int k = 0; k < 4; k++) {
      int b = data[i + (bigEndian ? k : 3 - k)] & 0xFF;
      v = (v << 8) | b;
    }
    return v;
  }

  /** Reads an unsigned 64-bit value; values over {@code Long.MAX_VALUE} come back negative, which callers reject. */
  long u64(long offset) throws Truncated {
    int i = check(offset, 8);
    long v = 0;
    for (int k = 0; k < 8; k++) {
      int b = data[i + (bigEndian ? k : 7 - k)] & 0xFF;
      v = (v << 8) | b;
    }
    return v;
  }

  /** @return true if the view holds {@code ascii} at {@code offset} */
  boolean startsWith(long offset, String ascii) {
    if (offset < 0 || offset + ascii.length() > end - start) {
      return false;
    }
    for (int k = 0; k < ascii.length(); k++) {
      if (data[start + (int) offset + k] != (byte) ascii.charAt(k)) {
        return false;
      }
    }
    return true;
  }

  /** @return the bytes in {@code [offset, offset + size)} as ISO-8859-1 text, cut at the first NUL */
  String ascii(long offset, int size) throws Truncated {
    int i = check(offset, size);
    int n = 0;
    while (n < size && data[i + n] != 0) {
      n++;
    }
    return new String(data, i, n, java.nio.charset.StandardCharsets.ISO_8859_1);
  }

  /** @return a reader over {@code [offset, offset + size)} of this view, in the same order */
  ByteReader slice(long offset, long size) throws Truncated {
    if (size < 0 || size > Integer.MAX_VALUE) {
      throw new Truncated("slice of " + size + " bytes");
    }
    int i = check(offset, (int) size);
    return new ByteReader(data, i, i + (int) size, bigEndian);
  }

  /** @return a copy of {@code [offset, offset + size)} */
  byte[] copy(long offset, int size) throws Truncated {
    int i = check(offset, size);
    return java.util.Arrays.copyOfRange(data, i, i + size);
  }
}
