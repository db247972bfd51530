package dev.findmypic.core;

import java.nio.ByteBuffer;
import java.util.Objects;

/**
 * A decoded, upright photo: 8-bit RGB pixels, row by row, three bytes a pixel (R, G, B), with the EXIF orientation
 * already applied. Every analyser reads the same {@code Picture}, so a photo is decoded once.
 *
 * <p>A picture may have been decoded at a reduced scale to save time (for example 1/4 of a 12 MP JPEG for a model
 * whose input is 224 pixels). {@link #scale()} says by how much: a coordinate in this picture times
 * {@code 1 / scale()} is a coordinate in the full-size upright image. Analysers report coordinates in the full-size
 * upright image.
 *
 * <p>Immutable and thread-safe: the pixel buffer handed out is read-only.
 */
public final class Picture {
  private final int width;
  private final int height;
  private final byte[] rgb;
  private final double scale;

  private Picture(int width, int height, byte[] rgb, double scale) {
    this.width = width;
    this.height = height;
    this.rgb = rgb;
    this.scale = scale;
  }

  /**
   * Wraps RGB pixels decoded at full size. The array is taken over, not copied: the caller must not change it
   * afterwards.
   *
   * @param width width in pixels, at least 1
   * @param height height in pixels, at least 1
   * @param rgb {@code width * height * 3} bytes, R, G, B for each pixel, row by row
   * @return the picture
   * @throws IllegalArgumentException if the sizes do not agree
   */
  public static Picture ofRgb(int width, int height, byte[] rgb) {
    return ofRgb(width, height, rgb, 1.0);
  }

  /**
   * Wraps RGB pixels decoded at a reduced scale. The array is taken over, not copied.
   *
   * @param width width in pixels, at least 1
   * @param height height in pixels, at least 1
   * @param rgb {@code width * height * 3} bytes, R, G, B for each pixel, row by row
   * @param scale this picture's size divided by the full-size upright image's, in (0, 1]
   * @return the picture
   * @throws IllegalArgumentException if the sizes do not agree or the scale is out of range
   */
  public static Picture ofRgb(int width, int height, byte[] rgb, double scale) {
    Objects.requireNonNull(rgb, "rgb");
    if (width < 1 || height < 1) {
      throw new IllegalArgumentException("picture size must be positive, got " + width + "x" + height);
    }
    if ((long) width * height * 3 != rgb.length) {
      throw new IllegalArgumentException(
          "expected " + (long) width * height * 3 + " RGB bytes for " + width + "x" + height + ", got " + rgb.length);
    }
    if (!(scale > 0 && scale <= 1)) {
      throw new IllegalArgumentException("scale must be in (0, 1], got " + scale);
    }
    return new Picture(width, height, rgb, scale);
  }

  /** @return the width in pixels */
  public int width() {
    return width;
  }

  /** @return the height in pixels */
  public int height() {
    return height;
  }

  /** @return this picture's size divided by the full-size upright image's size, 1.0 when decoded at full size */
  public double scale() {
    return scale;
  }

  /** @return a read-only view of the RGB bytes, row by row, positioned at 0 */
  public ByteBuffer rgb() {
    return ByteBuffer.wrap(rgb).asReadOnlyBuffer();
  }

  /**
   * Returns one channel of one pixel.
   *
   * @param x column, 0-based
   * @param y row, 0-based
   * @param channel 0 for red, 1 for green, 2 for blue
   * @return the value, 0 to 255
   */
  public int sample(int x, int y, int channel) {
    return rgb[(y * width + x) * 3 + channel] & 0xFF;
  }

  /** @return a copy of the RGB bytes */
  public byte[] copyRgb() {
    return rgb.clone();
  }

  @Override
  public String toString() {
    return "Picture[" + width + "x" + height + (scale == 1.0 ? "" : ", scale " + scale) + "]";
  }
}
