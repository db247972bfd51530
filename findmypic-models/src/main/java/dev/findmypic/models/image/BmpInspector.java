package dev.findmypic.models.image;

/** Reads a BMP's header: size, bit count and, for uncompressed pixels, whether the file holds them all. */
final class BmpInspector {
  private BmpInspector() {}

  static ImageInfo inspect(ByteReader raw) throws InvalidImage {
    ByteReader in = raw.withOrder(false);
    long pixelOffset = in.u32(10);
    long dibSize = in.u32(14);
    long width;
    long height;
    int bits;
    long compression = 0;
    if (dibSize == 12) {
      width = in.u16(18);
      height = in.u16(20);
      bits = in.u16(24);
    } else if (dibSize >= 40) {
      width = (int) in.u32(18);
      height = Math.abs((long) (int) in.u32(22));
      bits = in.u16(28);
      compression = in.u32(30);
    } else {
      throw new InvalidImage("damaged BMP: header size " + dibSize);
    }
    if (bits != 1 && bits != 4 && bits != 8 && bits != 16 && bits != 24 && bits != 32) {
      throw new InvalidImage("invalid BMP bit count " + bits);
    }
    if (width <= 0 || height <= 0 || width > Integer.MAX_VALUE || height > Integer.MAX_VALUE) {
      throw new InvalidImage("BMP declares a " + width + "x" + height + " image");
    }
    if (compression == 0 || compression == 3) {
      long rowBytes = (width * bits + 31) / 32 * 4;
      if (pixelOffset + rowBytes * height > in.length()) {
        throw new InvalidImage("truncated BMP: " + (pixelOffset + rowBytes * height) + " bytes expected, "
            + in.length() + " present");
      }
    }
    return new ImageInfo(ImageFormat.BMP, (int) width, (int) height, ExifData.NONE);
  }
}
