package dev.findmypic.models.image;

import java.util.HashMap;
import java.util.Map;

/**
 * One image file directory (IFD) of a TIFF structure, as found in TIFF files and in EXIF blocks: the entries by tag,
 * with their values read on demand and every offset checked against the data. Classic TIFF and BigTIFF are read.
 */
final class TiffDirectory {
  /** The most entries read from one directory; real files have a few dozen. */
  static final int MAX_ENTRIES = 1024;

  private static final int[] TYPE_SIZES = {0, 1, 1, 2, 4, 8, 1, 1, 2, 4, 8, 4, 8, 4, 0, 0, 8, 8, 8};

  private record Entry(int type, long count, long valueField) {}

  private final ByteReader data;
  private final boolean big;
  private final Map<Integer, Entry> entries;

  private TiffDirectory(ByteReader data, boolean big, Map<Integer, Entry> entries) {
    this.data = data;
    this.big = big;
    this.entries = entries;
  }

  /**
   * Reads the directory at an offset.
   *
   * @param data the whole TIFF structure, in its byte order
   * @param offset where the directory starts
   * @param big true for BigTIFF (8-byte counts and offsets)
   * @return the directory
   * @throws ByteReader.Truncated if the directory does not fit in the data
   */
  static TiffDirectory read(ByteReader data, long offset, boolean big) throws ByteReader.Truncated {
    long count = big ? data.u64(offset) : data.u16(offset);
    int entrySize = big ? 20 : 12;
    long first = offset + (big ? 8 : 2);
    if (count < 0 || count > MAX_ENTRIES) {
      throw new ByteReader.Truncated("directory at " + offset + " claims " + count + " entries");
    }
    data.u8(first + count * entrySize - 1); // the whole table must be there
    Map<Integer, Entry> entries = new HashMap<>();
    for (long i = 0; i < count; i++) {
      long at = first + i * entrySize;
      int tag = data.u16(at);
      int type = data.u16(at + 2);
      long n = big ? data.u64(at + 4) : data.u32(at + 4);
      entries.putIfAbsent(tag, new Entry(type, n, at + (big ? 12 : 8)));
    }
    return new TiffDirectory(data, big, entries);
  }

  /** @return true if the tag is present */
  boolean has(int tag) {
    return entries.containsKey(tag);
  }

  /** Where the value of an entry lives: in the entry itself when it fits, else at the offset it holds. */
  private long valuePosition(Entry e, int size) throws ByteReader.Truncated {
    long bytes = e.count() * size;
    if (e.count() < 0 || bytes > data.length()) {
      throw new ByteReader.Truncated("value of " + e.count() + " items does not fit");
    }
    if (bytes <= (big ? 8 : 4)) {
      return e.valueField();
    }
    return big ? data.u64(e.valueField()) : data.u32(e.valueField());
  }

  private static int typeSize(Entry e) throws ByteReader.Truncated {
    if (e.type() <= 0 || e.type() >= TYPE_SIZES.length || TYPE_SIZES[e.type()] == 0) {
      throw new ByteReader.Truncated("unknown TIFF field type " + e.type());
    }
    return TYPE_SIZES[e.type()];
  }

  /**
   * Reads the first value of an integer tag (BYTE, SHORT, LONG or LONG8).
   *
   * @return the value, or {@code fallback} when the tag is absent
   */
  long integer(int tag, long fallback) throws ByteReader.Truncated {
    Entry e = entries.get(tag);
    if (e == null || e.count() < 1) {
      return fallback;
    }
    int size = typeSize(e);
    long pos = valuePosition(e, size);
    return switch (e.type()) {
      case 1, 7 -> data.u8(pos);
      case 3 -> data.u16(pos);
      case 4, 13 -> data.u32(pos);
      case 16, 18 -> data.u64(pos);
      default -> throw new ByteReader.Truncated("tag " + tag + " is not an integer (type " + e.type() + ")");
    };
  }

  /**
   * Reads an ASCII tag, trimmed, at most {@code maxLength} characters.
   *
   * @return the text, or null when the tag is absent or empty
   */
  String text(int tag, int maxLength) throws ByteReader.Truncated {
    Entry e = entries.get(tag);
    if (e == null || e.type() != 2 || e.count() < 1) {
      return null;
    }
    long pos = valuePosition(e, 1);
    String s = data.ascii(pos, (int) Math.min(e.count(), maxLength)).trim();
    return s.isEmpty() ? null : s;
  }

  /**
   * Reads {@code n} unsigned RATIONAL values.
   *
   * @return the values, or null when the tag is absent, of another type or too short; a zero denominator gives NaN
   */
  double[] rationals(int tag, int n) throws ByteReader.Truncated {
    Entry e = entries.get(tag);
    if (e == null || e.type() != 5 || e.count() < n) {
      return null;
    }
    long pos = valuePosition(e, 8);
    double[] out = new double[n];
    for (int i = 0; i < n; i++) {
      long num = data.u32(pos + 8L * i);
      long den = data.u32(pos + 8L * i + 4);
      out[i] = den == 0 ? Double.NaN : (double) num / den;
    }
    return out;
  }
}
