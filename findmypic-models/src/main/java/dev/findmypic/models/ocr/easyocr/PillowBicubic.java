package dev.findmypic.models.ocr.easyocr;

/**
 * Pillow's {@code Image.resize(size, BICUBIC)} of an 8-bit grey image, bit for bit: separable convolution with the
 * a = -0.5 cubic, widened by the reduction factor when shrinking, with coefficients in 22-bit fixed point; horizontal
 * pass first. EasyOCR applies it to vertical crops in {@code AlignCollate}.
 */
final class PillowBicubic {
  private static final int PRECISION_BITS = 32 - 8 - 2;
  private static final double SUPPORT = 2.0;

  private PillowBicubic() {}

  /**
   * Resizes a grey image.
   *
   * @param src grey levels, row-major
   * @param width source width
   * @param height source height
   * @param outWidth target width
   * @param outHeight target height
   * @return the resized image; a copy when the size is unchanged
   */
  static byte[] resize(byte[] src, int width, int height, int outWidth, int outHeight) {
    byte[] image = src.clone();
    int w = width;
    if (outWidth != width) {
      image = horizontal(image, width, height, outWidth);
      w = outWidth;
    }
    if (outHeight != height) {
      image = vertical(image, w, height, outHeight);
    }
    return image;
  }

  private static byte[] horizontal(byte[] in, int width, int height, int outWidth) {
    Coefficients k = Coefficients.of(width, outWidth);
    byte[] out = new byte[outWidth * height];
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < outWidth; x++) {
        long ss = 1L << (PRECISION_BITS - 1);
        int min = k.bounds[2 * x];
        for (int i = 0; i < k.bounds[2 * x + 1]; i++) {
          ss += (in[y * width + min + i] & 0xFF) * (long) k.weights[x * k.size + i];
        }
        out[y * outWidth + x] = clip8(ss);
      }
    }
    return out;
  }

  private static byte[] vertical(byte[] in, int width, int height, int outHeight) {
    Coefficients k = Coefficients.of(height, outHeight);
    byte[] out = new byte[width * outHeight];
    for (int y = 0; y < outHeight; y++) {
      int min = k.bounds[2 * y];
      for (int x = 0; x < width; x++) {
        long ss = 1L << (PRECISION_BITS - 1);
        for (int i = 0; i < k.bounds[2 * y + 1]; i++) {
          ss += (in[(min + i) * width + x] & 0xFF) * (long) k.weights[y * k.size + i];
        }
        out[y * width + x] = clip8(ss);
      }
    }
    return out;
  }

  private static byte clip8(long v) {
    // Pillow accumulates in a 32-bit int
    int in = (int) v;
    if (in >= (1 << PRECISION_BITS << 8)) {
      return (byte) 255;
    }
    if (in <= 0) {
      return 0;
    }
    return (byte) (in >> PRECISION_BITS);
  }

  private static double cubic(double x) {
    double a = -0.5;
    x = Math.abs(x);
    if (x < 1.0) {
      return ((a + 2.0) * x - (a + 3.0)) * x * x + 1;
    }
    if (x < 2.0) {
      return (((x - 5) * x + 8) * x - 4) * a;
    }
    return 0.0;
  }

  /** Fixed-point weights and source ranges of each output pixel (Pillow's {@code precompute_coeffs}). */
  private record Coefficients(int size, int[] bounds, int[] weights) {
    static Coefficients of(int inSize, int outSize) {
      double scale = (double) inSize / outSize;
      double filterScale = Math.max(scale, 1.0);
      double support = SUPPORT * filterScale;
      int size = (int) Math.ceil(support) * 2 + 1;
      int[] bounds = new int[2 * outSize];
      int[] weights = new int[outSize * size];
      double[] k = new double[size];
      for (int xx = 0; xx < outSize; xx++) {
        double center = (xx + 0.5) * scale;
        double ss = 1.0 / filterScale;
        int xmin = Math.max((int) (center - support + 0.5), 0);
        int xmax = Math.min((int) (center + support + 0.5), inSize) - xmin;
        double ww = 0;
        for (int x = 0; x < xmax; x++) {
          k[x] = cubic((x + xmin - center + 0.5) * ss);
          ww += k[x];
        }
        for (int x = 0; x < xmax; x++) {
          double v = ww != 0.0 ? k[x] / ww : k[x];
          weights[xx * size + x] = (int) (v < 0 ? -0.5 + v * (1 << PRECISION_BITS) : 0.5 + v * (1 << PRECISION_BITS));
        }
        bounds[2 * xx] = xmin;
        bounds[2 * xx + 1] = xmax;
      }
      return new Coefficients(size, bounds, weights);
    }
  }
}
