package dev.findmypic.models.face.facenet;

/**
 * Pillow 9's {@code Image.resize(size, Image.BILINEAR)} for 8-bit RGB, bit for bit: a separable triangle filter whose
 * support grows with the downscale factor, coefficients normalised in double and rounded to 22-bit fixed point,
 * horizontal pass first (only over the rows the vertical pass needs), each pass rounded and clamped to 0..255.
 */
final class PillowBilinear {
  private static final int PRECISION_BITS = 32 - 8 - 2;

  private PillowBilinear() {}

  /**
   * Resizes a region of an RGB image.
   *
   * @param rgb the image, 3 bytes a pixel, row by row
   * @param imageWidth the image's width
   * @param x0 the region's left column
   * @param y0 the region's top row
   * @param width the region's width, at least 1
   * @param height the region's height, at least 1
   * @param outWidth the output width
   * @param outHeight the output height
   * @return {@code outWidth * outHeight * 3} bytes
   */
  static byte[] resize(byte[] rgb, int imageWidth, int x0, int y0, int width, int height, int outWidth,
      int outHeight) {
    Coefficients horizontal = Coefficients.of(width, outWidth);
    Coefficients vertical = Coefficients.of(height, outHeight);
    int firstRow = vertical.bounds[0];
    int lastRow = vertical.bounds[2 * (outHeight - 1)] + vertical.bounds[2 * (outHeight - 1) + 1];
    int rows = lastRow - firstRow;
    byte[] temp = new byte[rows * outWidth * 3];
    for (int y = 0; y < rows; y++) {
      int src = ((y0 + firstRow + y) * imageWidth + x0) * 3;
      for (int x = 0; x < outWidth; x++) {
        int min = horizontal.bounds[2 * x];
        int count = horizontal.bounds[2 * x + 1];
        int k = x * horizontal.size;
        for (int c = 0; c < 3; c++) {
          int sum = 1 << (PRECISION_BITS - 1);
          for (int i = 0; i < count; i++) {
            sum += (rgb[src + (min + i) * 3 + c] & 0xFF) * horizontal.weights[k + i];
          }
          temp[(y * outWidth + x) * 3 + c] = clip8(sum);
        }
      }
    }
    byte[] out = new byte[outWidth * outHeight * 3];
    for (int y = 0; y < outHeight; y++) {
      int min = vertical.bounds[2 * y] - firstRow;
      int count = vertical.bounds[2 * y + 1];
      int k = y * vertical.size;
      for (int x = 0; x < outWidth; x++) {
        for (int c = 0; c < 3; c++) {
          int sum = 1 << (PRECISION_BITS - 1);
          for (int i = 0; i < count; i++) {
            sum += (temp[((min + i) * outWidth + x) * 3 + c] & 0xFF) * vertical.weights[k + i];
          }
          out[(y * outWidth + x) * 3 + c] = clip8(sum);
        }
      }
    }
    return out;
  }

  private static byte clip8(int v) {
    if (v >= (1 << PRECISION_BITS << 8)) {
      return (byte) 255;
    }
    if (v <= 0) {
      return 0;
    }
    return (byte) (v >> PRECISION_BITS);
  }

  /** Pillow's {@code precompute_coeffs} and {@code normalize_coeffs_8bpc} for the bilinear filter. */
  private static final class Coefficients {
    final int size;
    final int[] bounds;
    final int[] weights;

    private Coefficients(int size, int[] bounds, int[] weights) {
      this.size = size;
      this.bounds = bounds;
      this.weights = weights;
    }

    static Coefficients of(int inSize, int outSize) {
      double scale = (double) inSize / outSize;
      double filterScale = Math.max(scale, 1.0);
      double support = filterScale;
      int size = (int) Math.ceil(support) * 2 + 1;
      int[] bounds = new int[outSize * 2];
      int[] weights = new int[outSize * size];
      double[] k = new double[size];
      for (int xx = 0; xx < outSize; xx++) {
        double center = (xx + 0.5) * scale;
        double ss = 1.0 / filterScale;
        int xmin = Math.max((int) (center - support + 0.5), 0);
        int xmax = Math.min((int) (center + support + 0.5), inSize) - xmin;
        double ww = 0;
        for (int x = 0; x < xmax; x++) {
          double w = triangle((x + xmin - center + 0.5) * ss);
          k[x] = w;
          ww += w;
        }
        for (int x = 0; x < xmax; x++) {
          double w = ww != 0 ? k[x] / ww : k[x];
          weights[xx * size + x] = (int) (w < 0 ? -0.5 + w * (1 << PRECISION_BITS) : 0.5 + w * (1 << PRECISION_BITS));
        }
        bounds[2 * xx] = xmin;
        bounds[2 * xx + 1] = xmax;
      }
      return new Coefficients(size, bounds, weights);
    }

    private static double triangle(double x) {
      double a = Math.abs(x);
      return a < 1.0 ? 1.0 - a : 0.0;
    }
  }
}
