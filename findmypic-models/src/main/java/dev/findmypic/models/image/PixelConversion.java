package dev.findmypic.models.image;

import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Scalar;
import org.opencv.imgproc.Imgproc;

/**
 * Turns whatever OpenCV decoded (1, 3 or 4 channels, 8 or 16 bits, BGR order) into 8-bit RGB. Transparency is
 * composited over white, so that dark text on a transparent background stays readable and transparent areas do not
 * turn into arbitrary colours.
 */
final class PixelConversion {
  private PixelConversion() {}

  /**
   * Converts to 8-bit, 3-channel RGB.
   *
   * @param decoded the decoded pixels; released by this method
   * @return a new continuous RGB matrix
   */
  static Mat toRgb(Mat decoded) {
    Mat eight = decoded;
    if (decoded.depth() != CvType.CV_8U) {
      eight = new Mat();
      double scale = decoded.depth() == CvType.CV_16U ? 1.0 / 257 : 255.0;
      decoded.convertTo(eight, CvType.CV_8U, scale);
      decoded.release();
    }
    Mat rgb = new Mat();
    switch (eight.channels()) {
      case 1 -> Imgproc.cvtColor(eight, rgb, Imgproc.COLOR_GRAY2RGB);
      case 3 -> Imgproc.cvtColor(eight, rgb, Imgproc.COLOR_BGR2RGB);
      case 4 -> compositeOnWhite(eight, rgb);
      default -> throw new IllegalStateException("unexpected channel count " + eight.channels());
    }
    eight.release();
    return rgb;
  }

  /** rgb = colour * alpha + white * (1 - alpha), from BGRA. */
  private static void compositeOnWhite(Mat bgra, Mat rgb) {
    Mat bgraF = new Mat();
    bgra.convertTo(bgraF, CvType.CV_32F, 1.0 / 255);
    java.util.List<Mat> channels = new java.util.ArrayList<>();
    Core.split(bgraF, channels);
    Mat alpha = channels.get(3);
    Mat inverse = new Mat();
    Core.subtract(Mat.ones(alpha.size(), CvType.CV_32F), alpha, inverse);
    for (int c = 0; c < 3; c++) {
      Mat ch = channels.get(c);
      Core.multiply(ch, alpha, ch);
      Core.add(ch, inverse, ch);
    }
    Mat bgrF = new Mat();
    Core.merge(channels.subList(0, 3), bgrF);
    Mat bgr = new Mat();
    bgrF.convertTo(bgr, CvType.CV_8U, 255);
    Imgproc.cvtColor(bgr, rgb, Imgproc.COLOR_BGR2RGB);
    for (Mat m : channels) {
      m.release();
    }
    for (Mat m : new Mat[] {bgraF, inverse, bgrF, bgr}) {
      m.release();
    }
  }

  static Scalar white() {
    return new Scalar(255, 255, 255);
  }
}
