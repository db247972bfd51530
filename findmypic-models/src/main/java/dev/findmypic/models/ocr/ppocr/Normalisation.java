package dev.findmypic.models.ocr.ppocr;

import org.opencv.core.Mat;

/** Turns 8-bit, 3-channel pixels into a normalised float tensor in channel-first order. */
final class Normalisation {
  private Normalisation() {}

  /**
   * @return {@code ((pixel / 255) - mean[c]) / std[c]} laid out as [3, rows, cols]
   */
  static float[] chw(Mat image, float[] mean, float[] std) {
    int h = image.rows();
    int w = image.cols();
    byte[] pixels = new byte[h * w * 3];
    image.get(0, 0, pixels);
    float[] out = new float[3 * h * w];
    writeChw(pixels, w, h, mean, std, out, w);
    return out;
  }

  /**
   * Writes normalised pixels into a [3, h, stride] tensor, leaving columns from {@code w} on untouched (the caller's
   * zero padding).
   */
  static void writeChw(byte[] pixels, int w, int h, float[] mean, float[] std, float[] out, int stride) {
    int plane = h * stride;
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        int src = (y * w + x) * 3;
        int dst = y * stride + x;
        for (int c = 0; c < 3; c++) {
          out[c * plane + dst] = ((pixels[src + c] & 0xFF) / 255f - mean[c]) / std[c];
        }
      }
    }
  }
}
