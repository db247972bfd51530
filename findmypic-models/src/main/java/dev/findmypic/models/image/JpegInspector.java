package dev.findmypic.models.image;

/**
 * Walks a JPEG's markers from SOI to EOI without decoding: the frame size and precision from the first SOF, the EXIF
 * block from APP1, and proof that the entropy-coded data ends with an EOI marker. libjpeg hands back a grey-padded
 * partial image for a file that is cut short, so a missing EOI is refused here.
 */
final class JpegInspector {
  private JpegInspector() {}

  static ImageInfo inspect(ByteReader in) throws InvalidImage {
    int width = -1;
    int height = -1;
    ExifData exif = ExifData.NONE;
    boolean exifSeen = false;
    long pos = 2;
    while (true) {
      pos = nextMarker(in, pos);
      if (pos < 0) {
        throw new InvalidImage("truncated JPEG: the file ends before the end-of-image marker (cut short)");
      }
      int marker = in.u8(pos + 1);
      pos += 2;
      if (marker == 0xD9) {
        break;
      }
      if (marker == 0x01 || (marker >= 0xD0 && marker <= 0xD8)) {
        continue; // standalone markers
      }
      int length = in.u16(pos);
      if (length < 2) {
        throw new InvalidImage("damaged JPEG: segment 0x" + Integer.toHexString(marker) + " has length " + length);
      }
      if (marker == 0xE1 && !exifSeen && length > 8 && in.startsWith(pos + 2, "Exif\0")) {
        exifSeen = true;
        exif = ExifReader.read(in.slice(pos + 8, Math.min(length - 8, in.length() - pos - 8)));
      } else if (isStartOfFrame(marker) && width < 0) {
        int precision = in.u8(pos + 2);
        height = in.u16(pos + 3);
        width = in.u16(pos + 5);
        if (precision != 8) {
          throw new InvalidImage(precision + "-bit JPEG is not supported (only 8-bit samples can be decoded)");
        }
        if (width == 0 || height == 0) {
          throw new InvalidImage("JPEG declares a " + width + "x" + height + " frame");
        }
      }
      pos += length;
      if (marker == 0xDA) {
        pos = skipEntropyCodedData(in, pos);
      }
    }
    if (width < 0) {
      throw new InvalidImage("JPEG without a frame header (SOF)");
    }
    return new ImageInfo(ImageFormat.JPEG, width, height, exif);
  }

  private static boolean isStartOfFrame(int marker) {
    return marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
  }

  /** @return the position of the next 0xFF that starts a marker (skipping junk and fill bytes), or -1 at the end */
  private static long nextMarker(ByteReader in, long pos) throws ByteReader.Truncated {
    int n = in.length();
    while (pos + 1 < n) {
      if (in.u8(pos) == 0xFF) {
        int next = in.u8(pos + 1);
        if (next != 0xFF && next != 0x00) {
          return pos;
        }
      }
      pos++;
    }
    return -1;
  }

  /** @return the position of the first marker after scan data that is not a stuffed byte or a restart marker */
  private static long skipEntropyCodedData(ByteReader in, long pos) throws ByteReader.Truncated {
    int n = in.length();
    while (pos + 1 < n) {
      if (in.u8(pos) == 0xFF) {
        int next = in.u8(pos + 1);
        if (next != 0x00 && next != 0xFF && (next < 0xD0 || next > 0xD7)) {
          return pos;
        }
      }
      pos++;
    }
    return n;
  }
}
