package dev.findmypic.models.ocr.easyocr;

import dev.findmypic.models.image.OpenCvNatives;
import dev.findmypic.core.Picture;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;

/**
 * EasyOCR's detector input ({@code resize_aspect_ratio} and {@code normalizeMeanVariance}): the picture scaled so its
 * longer side is {@code magRatio} times itself but at most the canvas size (bilinear, as {@code cv2.resize}), pasted
 * at the top-left of a zero canvas whose sides are rounded up to multiples of 32, then normalised with the ImageNet
 * mean and deviation, channels first.
 */
final class CraftPreprocessor {
  private static final double[] MEAN = {0.485, 0.456, 0.406};
  private static final double[] STD = {0.229, 0.224, 0.225};
  private final int canvasSize;
  private final float magRatio;

  /**
   * @param canvasSize the largest side the detector sees
   * @param magRatio magnification before the canvas limit
   */
  CraftPreprocessor(int canvasSize, float magRatio) {
    this.canvasSize = canvasSize;
    this.magRatio = magRatio;
    OpenCvNatives.ensureLoaded();
  }

  /**
   * The detector's input.
   *
   * @param chw normalised pixels [3, height, width]
   * @param width canvas width, a multiple of 32
   * @param height canvas height, a multiple of 32
   * @param ratio the scale applied to the picture; map coordinates times {@code 2 / ratio} are picture pixels
   */
  record Canvas(float[] chw, int width, int height, double ratio) {}

  /**
   * Prepares a picture.
   *
   * @param picture RGB pixels
   * @return the normalised canvas
   */
  Canvas prepare(Picture picture) {
    int w = picture.width();
    int h = picture.height();
    double target = magRatio * Math.max(h, w);
    if (target > canvasSize) {
      target = canvasSize;
    }
    double ratio = target / Math.max(h, w);
    int tw = (int) (w * ratio);
    int th = (int) (h * ratio);
    byte[] rgb = resize(picture, tw, th);
    int cw = roundUp32(tw);
    int ch = roundUp32(th);
    float[] chw = new float[3 * cw * ch];
    for (int c = 0; c < 3; c++) {
      float mean = (float) (MEAN[c] * 255.0);
      float std = (float) (STD[c] * 255.0);
      float pad = (0f - mean) / std;
      int plane = c * cw * ch;
      for (int y = 0; y < ch; y++) {
        for (int x = 0; x < cw; x++) {
          float v = pad;
          if (y < th && x < tw) {
            v = ((rgb[(y * tw + x) * 3 + c] & 0xFF) - mean) / std;
          }
          chw[plane + y * cw + x] = v;
        }
      }
    }
    return new Canvas(chw, cw, ch, ratio);
  }

  private static byte[] resize(Picture picture, int tw, int th) {
    byte[] rgb = picture.copyRgb();
    if (tw == picture.width() && th == picture.height()) {
      return rgb;
    }
    Mat src = new Mat(picture.height(), picture.width(), CvType.CV_8UC3);
    Mat dst = new Mat();
    try {
      src.put(0, 0, rgb);
      Imgproc.resize(src, dst, new Size(tw, th), 0, 0, Imgproc.INTER_LINEAR);
      byte[] out = new byte[tw * th * 3];
      dst.get(0, 0, out);
      return out;
    } finally {
      src.release();
      dst.release();
    }
  }

  private static int roundUp32(int v) {
    return v % 32 == 0 ? v : v + (32 - v % 32);
  }
}
