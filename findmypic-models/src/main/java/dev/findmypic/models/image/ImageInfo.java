package dev.findmypic.models.image;

/**
 * What a file's header says, read before any pixel is decoded.
 *
 * @param format the container format
 * @param width the stored width (before the EXIF orientation is applied)
 * @param height the stored height
 * @param exif the EXIF fields, {@link ExifData#NONE} when the file has none
 * @param firstFrame for an animated file that the native decoder cannot read whole, a self-contained still image of
 *     its first frame and where it sits on the canvas; null otherwise
 */
record ImageInfo(ImageFormat format, int width, int height, ExifData exif, Frame firstFrame) {
  /**
   * A first frame to decode on its own.
   *
   * @param encoded the frame as a standalone file of the same format
   * @param x the frame's left edge on the canvas
   * @param y the frame's top edge on the canvas
   */
  record Frame(byte[] encoded, int x, int y) {}

  ImageInfo(ImageFormat format, int width, int height, ExifData exif) {
    this(format, width, height, exif, null);
  }
}
