package dev.findmypic.models.image;

/**
 * The 8-byte (TIFF) or 16-byte (BigTIFF) header of a TIFF structure: byte order and the first directory's offset.
 *
 * @param data the structure, in its byte order
 * @param big true for BigTIFF
 * @param firstIfd offset of IFD0
 */
record TiffHeader(ByteReader data, boolean big, long firstIfd) {
  static TiffHeader read(ByteReader raw) throws ByteReader.Truncated {
    boolean bigEndian;
    if (raw.startsWith(0, "MM")) {
      bigEndian = true;
    } else if (raw.startsWith(0, "II")) {
      bigEndian = false;
    } else {
      throw new ByteReader.Truncated("no TIFF byte-order mark");
    }
    ByteReader data = raw.withOrder(bigEndian);
    int magic = data.u16(2);
    if (magic == 42) {
      return new TiffHeader(data, false, data.u32(4));
    }
    if (magic == 43 && data.u16(4) == 8) {
      long offset = data.u64(8);
      if (offset < 0) {
        throw new ByteReader.Truncated("BigTIFF offset out of range");
      }
      return new TiffHeader(data, true, offset);
    }
    throw new ByteReader.Truncated("TIFF magic " + magic);
  }
}
