package dev.findmypic.models.face;

import dev.findmypic.core.Picture;
import dev.findmypic.models.image.OpenCvNatives;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.imgproc.Imgproc;

/** Turns a {@link Picture} into the 8-bit BGR {@link Mat} that OpenCV's face models expect. */
public final class BgrMats {
  private BgrMats() {}

  /**
   * Copies a picture into a new BGR matrix of the same size.
   *
   * @param picture the picture
   * @return an 8-bit, 3-channel BGR matrix; the caller releases it
   */
  public static Mat of(Picture picture) {
    OpenCvNatives.ensureLoaded();
    Mat rgb = new Mat(picture.height(), picture.width(), CvType.CV_8UC3);
    try {
      rgb.put(0, 0, picture.copyRgb());
      Mat bgr = new Mat();
      Imgproc.cvtColor(rgb, bgr, Imgproc.COLOR_RGB2BGR);
      return bgr;
    } finally {
      rgb.release();
    }
  }
}
