package dev.findmypic.models.image;

import java.nio.ByteBuffer;

/**
 * Pillow's {@code Image.resize(size, filter)} for 8-bit images (grey or RGB), bit for bit, reproduced step by step
 * from Pillow's {@code libImaging/Resample.c}: a separable convolution (horizontal pass, then vertical) whose kernel is
 * stretched by the scale factor when shrinking, so that downscaling is antialiased; coefficients normalised per output
 * pixel in double and rounded to 22-bit fixed point; an 8-bit, clamped intermediate image between the two passes,
 * computed only over the input rows the vertical pass reads. An axis whose size does not change is copied, as Pillow
 * skips its pass. Unlike OpenCV's {@code INTER_LINEAR} / {@code INTER_CUBIC}, which neither stretch the kernel nor
 * round the same way.
 *
 * <p>CLIP's preprocessing uses bicubic, facenet-pytorch's face crops bilinear, EasyOCR's recogniser input bicubic.
 */
public final class PillowResize {
  private static final int PRECISION_BITS = 32 - 8 - 2;

  /** The resampling filters, with Pillow's kernels and supports. */
  public enum Filter {
    /** {@code Image.BILINEAR}: the triangle kernel, support 1. */
    BILINEAR(1.0) {
      @Override
      double kernel(double x) {
        double t = Math.abs(x);
        return t < 1.0 ? 1.0 - t : 0.0;
      }
    },
    /** {@code Image.BICUBIC}: the cubic convolution kernel with {@code a = -0.5}, support 2. */
    BICUBIC(2.0) {
      @Override
      double kernel(double x) {
        double a = -0.5;
        double t = Math.abs(x);
        if (t < 1.0) {
          return ((a + 2.0) * t - (a + 3.0)) * t * t + 1;
        }
        if (t < 2.0) {
          return (((t - 5) * t + 8) * t - 4) * a;
        }
        return 0.0;
      }
    };

    private final double support;

    Filter(double support) {
      this.support = support;
    }

    /**
     * The filter's kernel at a distance, in input pixels of an unscaled axis.
     *
     * @param x the distance
     * @return the weight before normalisation
     */
    abstract double kernel(double x);
  }

  private PillowResize() {}

  /**
   * Resizes a whole image.
   *
   * @param pixels {@code width * height * channels} bytes, row by row, channels interleaved
   * @param channels 1 for grey, 3 for RGB
   * @param width the input width
   * @param height the input height
   * @param outWidth the output width, at least 1
   * @param outHeight the output height, at least 1
   * @param filter the filter
   * @return {@code outWidth * outHeight * channels} bytes; a copy when the size is unchanged
   */
  public static byte[] resize(
      byte[] pixels, int channels, int width, int height, int outWidth, int outHeight, Filter filter) {
    return resizeCrop(pixels, channels, width, 0, 0, width, height, outWidth, outHeight, filter);
  }

  /**
   * Resizes a rectangle of an image, as Pillow's {@code image.crop(box).resize(size, filter)} does.
   *
   * @param pixels the whole image, {@code imageWidth} pixels a row, channels interleaved
   * @param channels 1 for grey, 3 for RGB
   * @param imageWidth the whole image's width
   * @param x0 the rectangle's left column
   * @param y0 the rectangle's top row
   * @param width the rectangle's width, at least 1
   * @param height the rectangle's height, at least 1
   * @param outWidth the output width, at least 1
   * @param outHeight the output height, at least 1
   * @param filter the filter
   * @return {@code outWidth * outHeight * channels} bytes
   */
  public static byte[] resizeCrop(byte[] pixels, int channels, int imageWidth, int x0, int y0, int width, int height,
      int outWidth, int outHeight, Filter filter) {
    Source source = new Source(ByteBuffer.wrap(pixels), channels, imageWidth, x0, y0, width, height);
    return resize(source, outWidth, outHeight, 0, 0, outWidth, outHeight, filter);
  }

  /**
   * Computes one rectangle of the resized image, equal to cropping the full {@link #resize} result but without the
   * work outside the rectangle (CLIP's resize-then-centre-crop).
   *
   * @param pixels {@code width * height * channels} bytes, row by row, read with absolute gets
   * @param channels 1 for grey, 3 for RGB
   * @param width the input width
   * @param height the input height
   * @param outWidth the full output width, at least 1
   * @param outHeight the full output height, at least 1
   * @param left the rectangle's first column in the output, {@code 0 <= left}, {@code left + columns <= outWidth}
   * @param top the rectangle's first row in the output, {@code 0 <= top}, {@code top + rows <= outHeight}
   * @param columns the rectangle's width
   * @param rows the rectangle's height
   * @param filter the filter
   * @return {@code columns * rows * channels} bytes
   */
  public static byte[] resizeRegion(ByteBuffer pixels, int channels, int width, int height, int outWidth,
      int outHeight, int left, int top, int columns, int rows, Filter filter) {
    Source source = new Source(pixels, channels, width, 0, 0, width, height);
    return resize(source, outWidth, outHeight, left, top, columns, rows, filter);
  }

  /** The input rectangle: {@code width x height} pixels at {@code (x0, y0)} of an image {@code stride} pixels wide. */
  private record Source(ByteBuffer pixels, int channels, int stride, int x0, int y0, int width, int height) {
    Source {
      if (channels < 1 || width < 1 || height < 1 || x0 < 0 || y0 < 0 || x0 + width > stride) {
        throw new IllegalArgumentException("cannot resize a " + width + "x" + height + "+" + x0 + "+" + y0
            + " rectangle of " + channels + " channels from an image " + stride + " pixels wide");
      }
    }

    int index(int x, int y) {
      return ((y0 + y) * stride + x0 + x) * channels;
    }
  }

  private static byte[] resize(
      Source in, int outWidth, int outHeight, int left, int top, int columns, int rows, Filter filter) {
    if (left < 0 || top < 0 || columns < 1 || rows < 1 || left + columns > outWidth || top + rows > outHeight) {
      throw new IllegalArgumentException("region " + columns + "x" + rows + "+" + left + "+" + top
          + " is not inside " + outWidth + "x" + outHeight);
    }
    Coefficients vertical = outHeight != in.height
        ? Coefficients.of(in.height, outHeight, top, rows, filter) : Coefficients.copy(top, rows);
    Coefficients horizontal = outWidth != in.width
        ? Coefficients.of(in.width, outWidth, left, columns, filter) : Coefficients.copy(left, columns);
    int firstRow = vertical.bounds[0];
    int lastRow = vertical.bounds[2 * (rows - 1)] + vertical.bounds[2 * (rows - 1) + 1];
    byte[] pass = horizontal(in, firstRow, lastRow - firstRow, horizontal, columns);
    return vertical(pass, columns * in.channels, vertical, firstRow, rows);
  }

  private static byte[] horizontal(Source in, int firstRow, int rows, Coefficients c, int outWidth) {
    int channels = in.channels;
    ByteBuffer pixels = in.pixels;
    byte[] out = new byte[outWidth * rows * channels];
    for (int y = 0; y < rows; y++) {
      int rowStart = in.index(0, firstRow + y);
      for (int xx = 0; xx < outWidth; xx++) {
        int xmin = c.bounds[2 * xx];
        int count = c.bounds[2 * xx + 1];
        int k = xx * c.size;
        int o = (y * outWidth + xx) * channels;
        for (int ch = 0; ch < channels; ch++) {
          int sum = 1 << (PRECISION_BITS - 1);
          for (int x = 0; x < count; x++) {
            sum += (pixels.get(rowStart + (xmin + x) * channels + ch) & 0xFF) * c.fixed[k + x];
          }
          out[o + ch] = clip8(sum);
        }
      }
    }
    return out;
  }

  private static byte[] vertical(byte[] in, int stride, Coefficients c, int rowOffset, int outHeight) {
    byte[] out = new byte[stride * outHeight];
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

  /** Pillow's {@code clip8}: the sum is a 32-bit int there too, so overflow wraps the same way. */
  private static byte clip8(int value) {
    if (value >= (1 << PRECISION_BITS << 8)) {
      return (byte) 255;
    }
    if (value <= 0) {
      return 0;
    }
    return (byte) (value >> PRECISION_BITS);
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
    static Coefficients of(int inSize, int outSize, int first, int count, Filter filter) {
      double scale = (double) inSize / outSize;
      double filterScale = Math.max(scale, 1.0);
      double support = filter.support * filterScale;
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
          weights[x] = filter.kernel((x + xmin - center + 0.5) * ss);
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
