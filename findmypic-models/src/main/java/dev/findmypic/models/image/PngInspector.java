package dev.findmypic.models.image;

/**
 * Walks a PNG's chunks from the signature to IEND: the size from IHDR, EXIF from eXIf, and proof that no chunk is cut
 * short.
 */
final class PngInspector {
  private PngInspector() {}

  static ImageInfo inspect(ByteReader raw) throws InvalidImage {
    ByteReader in = raw.withOrder(true);
    if (!in.startsWith(12, "IHDR")) {
      throw new InvalidImage("damaged PNG: the first chunk is not IHDR");
    }
    long width = in.u32(16);
    long height = in.u32(20);
    if (width == 0 || height == 0 || width > Integer.MAX_VALUE || height > Integer.MAX_VALUE) {
      throw new InvalidImage("PNG declares a " + width + "x" + height + " image");
    }
    ExifData exif = ExifData.NONE;
    long pos = 8;
    while (true) {
      long length = in.u32(pos);
      if (length > Integer.MAX_VALUE) {
        throw new InvalidImage("damaged PNG: chunk length " + length);
      }
      if (pos + 12 + length > in.length()) {
        throw new InvalidImage("truncated PNG: a chunk at byte " + pos + " runs past the end of the file");
      }
      if (in.startsWith(pos + 4, "IEND")) {
        break;
      }
      if (in.startsWith(pos + 4, "eXIf") && exif == ExifData.NONE) {
        exif = ExifReader.read(in.slice(pos + 8, length));
      }
      pos += 12 + length;
    }
    return new ImageInfo(ImageFormat.PNG, (int) width, (int) height, exif);
  }
}
