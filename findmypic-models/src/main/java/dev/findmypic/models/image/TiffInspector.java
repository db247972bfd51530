package dev.findmypic.models.image;

/** Reads a TIFF's (or BigTIFF's) first directory: the image size and the EXIF-style tags it holds. */
final class TiffInspector {
  private TiffInspector() {}

  static ImageInfo inspect(ByteReader in) throws InvalidImage {
    TiffHeader header = TiffHeader.read(in);
    TiffDirectory ifd0 = TiffDirectory.read(header.data(), header.firstIfd(), header.big());
    long width = ifd0.integer(0x0100, 0);
    long height = ifd0.integer(0x0101, 0);
    if (width <= 0 || height <= 0 || width > Integer.MAX_VALUE || height > Integer.MAX_VALUE) {
      throw new InvalidImage("TIFF declares a " + width + "x" + height + " image");
    }
    return new ImageInfo(ImageFormat.TIFF, (int) width, (int) height, ExifReader.read(in));
  }
}
