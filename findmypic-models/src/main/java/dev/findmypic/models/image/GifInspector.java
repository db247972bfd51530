package dev.findmypic.models.image;

/**
 * Reads a GIF's logical screen and the descriptor of its first frame (skipping the colour table and extension
 * blocks), so that both sizes can be checked before decoding.
 */
final class GifInspector {
  /** Where the first frame sits, and its size. */
  record FirstFrame(int x, int y, int width, int height) {}

  private GifInspector() {}

  static ImageInfo inspect(ByteReader raw) throws InvalidImage {
    ByteReader in = raw.withOrder(false);
    int width = in.u16(6);
    int height = in.u16(8);
    if (width == 0 || height == 0) {
      throw new InvalidImage("GIF declares a " + width + "x" + height + " screen");
    }
    return new ImageInfo(ImageFormat.GIF, width, height, ExifData.NONE);
  }

  static FirstFrame firstFrame(ByteReader raw) throws InvalidImage {
    ByteReader in = raw.withOrder(false);
    int packed = in.u8(10);
    long pos = 13 + ((packed & 0x80) != 0 ? 3L * (1 << ((packed & 7) + 1)) : 0);
    while (true) {
      int block = in.u8(pos);
      if (block == 0x2C) {
        FirstFrame f = new FirstFrame(in.u16(pos + 1), in.u16(pos + 3), in.u16(pos + 5), in.u16(pos + 7));
        if (f.width() == 0 || f.height() == 0) {
          throw new InvalidImage("GIF frame of " + f.width() + "x" + f.height());
        }
        return f;
      }
      if (block != 0x21) {
        throw new InvalidImage(block == 0x3B ? "GIF without any frame" : "damaged GIF: unexpected block 0x"
            + Integer.toHexString(block));
      }
      pos += 2;
      for (int size = in.u8(pos); size != 0; size = in.u8(pos)) {
        pos += 1 + size;
      }
      pos++;
    }
  }
}
