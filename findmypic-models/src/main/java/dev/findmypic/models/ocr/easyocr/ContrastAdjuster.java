package dev.findmypic.models.ocr.easyocr;

import java.util.Arrays;

/**
 * EasyOCR's {@code adjust_contrast_grey}: when a grey crop's contrast (from its 10th and 90th percentiles) is below
 * the target, its levels are stretched so that those percentiles spread over about 200 grey levels.
 */
final class ContrastAdjuster {
  private ContrastAdjuster() {}

  /**
   * Adjusts a crop.
   *
   * @param grey grey levels, 0 to 255
   * @param target the contrast below which the crop is stretched
   * @return a new array, or {@code grey} itself when the contrast is high enough
   */
  static byte[] adjust(byte[] grey, double target) {
    int[] sorted = new int[grey.length];
    for (int i = 0; i < grey.length; i++) {
      sorted[i] = grey[i] & 0xFF;
    }
    Arrays.sort(sorted);
    double high = percentile(sorted, 0.9);
    double low = percentile(sorted, 0.1);
    double contrast = (high - low) / Math.max(10, high + low);
    if (!(contrast < target)) {
      return grey;
    }
    double ratio = 200.0 / Math.max(10, high - low);
    byte[] out = new byte[grey.length];
    for (int i = 0; i < grey.length; i++) {
      double v = ((grey[i] & 0xFF) - low + 25) * ratio;
      out[i] = (byte) (int) Math.max(0, Math.min(255, v));
    }
    return out;
  }

  /** numpy's default ("linear") percentile of sorted values, with numpy's index and interpolation arithmetic. */
  static double percentile(int[] sorted, double q) {
    int n = sorted.length;
    double index = (n - 1) * q;
    int below = (int) Math.floor(index);
    double gamma = index - below;
    int lo = Math.max(0, Math.min(n - 1, below));
    int hi = Math.max(0, Math.min(n - 1, below + 1));
    double a = sorted[lo];
    double diff = sorted[hi] - a;
    return gamma >= 0.5 ? sorted[hi] - diff * (1 - gamma) : a + diff * gamma;
  }
}
