package dev.findmypic.models.image;

import java.util.Locale;

/** The container formats told apart by their first bytes (never by the file name). */
enum ImageFormat {
  JPEG, PNG, GIF, BMP, WEBP, TIFF, HEIF, AVIF, UNKNOWN;

  /** @return the lower-case name used in {@link dev.findmypic.core.PhotoMetadata#format()} */
  String key() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * Tells the format from the magic bytes.
   *
   * @param head the start of the file
   * @return the format, {@link #UNKNOWN} if none matches
   */
  static ImageFormat detect(ByteReader head) {
    if (head.length() >= 3 && head.startsWith(0, "\u00FF\u00D8\u00FF")) {
      return JPEG;
    }
    if (head.startsWith(0, "\u0089PNG\r\n\u001A\n")) {
      return PNG;
    }
    if (head.startsWith(0, "GIF87a") || head.startsWith(0, "GIF89a")) {
      return GIF;
    }
    if (head.startsWith(0, "BM")) {
      return BMP;
    }
    if (head.startsWith(0, "RIFF") && head.startsWith(8, "WEBP")) {
      return WEBP;
    }
    if (head.startsWith(0, "II*\0") || head.startsWith(0, "MM\0*") || head.startsWith(0, "II+\0")
        || head.startsWith(0, "MM\0+")) {
      return TIFF;
    }
    if (head.startsWith(4, "ftyp")) {
      for (String brand : new String[] {"avif", "avis"}) {
        if (head.startsWith(8, brand)) {
          return AVIF;
        }
      }
      for (String brand : new String[] {"heic", "heix", "hevc", "hevx", "heim", "heis", "mif1", "msf1"}) {
        if (head.startsWith(8, brand)) {
          return HEIF;
        }
      }
    }
    return UNKNOWN;
  }
}
