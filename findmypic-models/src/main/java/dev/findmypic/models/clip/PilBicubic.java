package dev.findmypic.models.clip;

import java.nio.ByteBuffer;

/**
 * Pillow's {@code Image.resize(size, Image.BICUBIC)} for 8-bit RGB, reproduced step by step from Pillow's
 * {@code libImaging/Resample.c}: a separable convolution (horizontal pass, then vertical) with the bicubic kernel
 * ({@code a = -0.5}) stretched by the scale factor when shrinking, so that downscaling is antialiased; coefficients
 * normalised per output pixel and rounded to 22-bit fixed point; an 8-bit, clamped intermediate image between the two
 * passes. Bit-exact with Pillow, unlike OpenCV's {@code INTER_CUBIC}, which neither stretches the kernel nor rounds
 * the same way.
 */
final class PilBicubic {
  private static final int PRECISION_BITS = 32 - 8 - 2;
  private static final double SUPPORT = 2.0;
  private static final double A = -0.5;

  private PilBicubic() {}

  /**
   * Resizes an RGB image.
   *
   * @param rgb {@code width * height * 3} bytes, row by row
   * @param width the input width
   * @param height the input height
   * @param outWidth the output width, at least 1
   * @param outHeight the output height, at least 1
   * @return {@code outWidth * outHeight * 3} bytes
   */
  static byte[] resize(byte[] rgb, int width, int height, int outWidth, int outHeight) {
    return resizeRegion(ByteBuffer.wrap(rgb), width, height, outWidth, outHeight, 0, 0, outWidth, outHeight);
  }

  /**
   * Computes one rectangle of the resized image, equal to cropping the full {@link #resize} result but without the
   * work outside the rectangle.
   *
   * @param rgb {@code width * height * 3} bytes, row by row, read with absolute gets
   * @param width the input width
   * @param height the input height
   * @param outWidth the full output width, at least 1
   * @param outHeight the full output height, at least 1
   * @param left the rectangle's first column in the output, {@code 0 <= left}, {@code left + columns <= outWidth}
   * @param top the rectangle's first row in the output, {@code 0 <= top}, {@code top + rows <= outHeight}
   * @param columns the rectangle's width
   * @param rows the rectangle's height
   * @return {@code columns * rows * 3} bytes
   */
  static byte[] resizeRegion(
      ByteBuffer rgb, int width, int height, int outWidth, int outHeight, int left, int top, int columns, int rows) {
    if (left < 0 || top < 0 || columns < 1 || rows < 1 || left + columns > outWidth || top + rows > outHeight) {
      throw new IllegalArgumentException("region " + columns + "x" + rows + "+" + left + "+" + top
          + " is not inside " + outWidth + "x" + outHeight);
    }
    boolean needHorizontal = outWidth != width;
    boolean needVertical = outHeight != height;
    Coefficients vertical = needVertical ? Coefficients.of(height, outHeight, top, rows) : Coefficients.copy(top, rows);
    Coefficients horizontal =
        needHorizontal ? Coefficients.of(width, outWidth, left, columns) : Coefficients.copy(left, columns);
    // Like Pillow, the horizontal pass covers only the input rows that the vertical pass reads.
    int firstRow = vertical.bounds[0];
    int lastRow = vertical.bounds[2 * (rows - 1)] + vertical.bounds[2 * (rows - 1) + 1];
    byte[] pass = horizontal(rgb, width, firstRow, lastRow - firstRow, horizontal, columns);
    return vertical(pass, columns, vertical, firstRow, rows);
  }

  private static byte[] horizontal(ByteBuffer in, int width, int firstRow, int rows, Coefficients c, int outWidth) {
    byte[] out = new byte[outWidth * rows * 3];
    for (int y = 0; y < rows; y++) {
      int rowStart = (firstRow + y) * width * 3;
      for (int xx = 0; xx < outWidth; xx++) {
        int xmin = c.bounds[2 * xx];
        int count = c.bounds[2 * xx + 1];
        int k = xx * c.size;
        int r = 1 << (PRECISION_BITS - 1);
        int g = r;
        int b = r;
        for (int x = 0; x < count; x++) {
          int p = rowStart + (xmin + x) * 3;
          int w = c.fixed[k + x];
          r += (in.get(p) & 0xFF) * w;
          g += (in.get(p + 1) & 0xFF) * w;
          b += (in.get(p + 2) & 0xFF) * w;
        }
        int o = (y * outWidth + xx) * 3;
        out[o] = clip8(r);
        out[o + 1] = clip8(g);
        out[o + 2] = clip8(b);
      }
    }
    return out;
  }

  private static byte[] vertical(byte[] in, int width, Coefficients c, int rowOffset, int outHeight) {
    byte[] out = new byte[width * outHeight * 3];
    int stride = width * 3;
    for (int yy = 0; yy < outHeight; yy++) {
      int ymin = c.bounds[2 * yy] - rowOffset;
      int count = c.bounds[2 * yy + 1];
      int k = yy * c.size;
      for (int i = 0; i < stride; i++) {
        int sum = 1 << (PRECISION_BITS - 1);
        for (int y = 0; y < count; y++) {
          sum += (in[(ymin + y) * stride + i] & 0xFF) * c.fixed[k + y];
        }
        out[yy * stride + i] = clip8(sum);
      }
    }
    return out;
  }

  private static byte clip8(int value) {
    if (value >= (1 << PRECISION_BITS << 8)) {
      return (byte) 255;
    }
    if (value <= 0) {
      return 0;
    }
    return (byte) (value >> PRECISION_BITS);
  }

  static double kernel(double x) {
    double t = Math.abs(x);
    if (t < 1.0) {
      return ((A + 2.0) * t - (A + 3.0)) * t * t + 1;
    }
    if (t < 2.0) {
      return (((t - 5) * t + 8) * t - 4) * A;
    }
    return 0.0;
  }

  /** Pillow's {@code precompute_coeffs} and {@code normalize_coeffs_8bpc} for one axis. */
  private static final class Coefficients {
    final int size;
    /** Per output pixel: the first input pixel, then how many input pixels it reads. */
    final int[] bounds;
    /** Per output pixel, {@code size} fixed-point weights. */
    final int[] fixed;

    private Coefficients(int size, int[] bounds, int[] fixed) {
      this.size = size;
      this.bounds = bounds;
      this.fixed = fixed;
    }

    /** An identity axis: output pixel {@code first + i} copies input pixel {@code first + i}. */
    static Coefficients copy(int first, int count) {
      int[] bounds = new int[2 * count];
      int[] fixed = new int[count];
      for (int i = 0; i < count; i++) {
        bounds[2 * i] = first + i;
        bounds[2 * i + 1] = 1;
        fixed[i] = 1 << PRECISION_BITS;
      }
      return new Coefficients(1, bounds, fixed);
    }

    /** The coefficients of output pixels {@code first .. first + count - 1} of an {@code outSize} axis. */
    static Coefficients of(int inSize, int outSize, int first, int count) {
      double scale = (double) inSize / outSize;
      double filterScale = Math.max(scale, 1.0);
      double support = SUPPORT * filterScale;
      int size = (int) Math.ceil(support) * 2 + 1;
      int[] bounds = new int[2 * count];
      int[] fixed = new int[count * size];
      double[] weights = new double[size];
      for (int xx = 0; xx < count; xx++) {
        double center = (first + xx + 0.5) * scale;
        double ss = 1.0 / filterScale;
        int xmin = Math.max((int) (center - support + 0.5), 0);
        int xmax = Math.min((int) (center + support + 0.5), inSize) - xmin;
        double total = 0;
        for (int x = 0; x < xmax; x++) {
          weights[x] = kernel((x + xmin - center + 0.5) * ss);
          total += weights[x];
        }
        for (int x = 0; x < xmax; x++) {
          double w = total != 0.0 ? weights[x] / total : weights[x];
          fixed[xx * size + x] = (int) (w < 0 ? -0.5 + w * (1 << PRECISION_BITS) : 0.5 + w * (1 << PRECISION_BITS));
        }
        bounds[2 * xx] = xmin;
        bounds[2 * xx + 1] = xmax;
      }
      return new Coefficients(size, bounds, fixed);
    }
  }
}
