package dev.findmypic.models.ocr;

import dev.findmypic.core.Picture;
import dev.findmypic.models.image.OpenCvNatives;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;

/** Resizes a picture for tests and benchmarks (bilinear), declaring the scale the result stands for. */
public final class Resample {
  private Resample() {}

  /**
   * @param picture the source
   * @param factor the size factor
   * @param scale the {@link Picture#scale()} to give the result
   * @return the resized picture
   */
  public static Picture by(Picture picture, double factor, double scale) {
    OpenCvNatives.ensureLoaded();
    Mat src = new Mat(picture.height(), picture.width(), CvType.CV_8UC3);
    src.put(0, 0, picture.copyRgb());
    Mat dst = new Mat();
    Imgproc.resize(src, dst, new Size(Math.round(picture.width() * factor), Math.round(picture.height() * factor)), 0,
        0, Imgproc.INTER_LINEAR);
    byte[] rgb = new byte[(int) dst.total() * 3];
    dst.get(0, 0, rgb);
    Picture out = Picture.ofRgb(dst.cols(), dst.rows(), rgb, scale);
    src.release();
    dst.release();
    return out;
  }
}
