package dev.findmypic.models.ocr.easyocr;

import dev.findmypic.models.image.OpenCvNatives;
import dev.findmypic.core.Picture;
import java.nio.file.Path;
import org.opencv.core.Mat;
import org.opencv.imgcodecs.Imgcodecs;
import org.opencv.imgproc.Imgproc;

/** Decodes fixture images to RGB pictures with OpenCV. */
final class TestPictures {
  private TestPictures() {}

  static Picture decode(Path file) {
    OpenCvNatives.ensureLoaded();
    Mat bgr = Imgcodecs.imread(file.toString(), Imgcodecs.IMREAD_COLOR);
    if (bgr.empty()) {
      throw new AssertionError("cannot decode " + file);
    }
    Mat rgb = new Mat();
    Imgproc.cvtColor(bgr, rgb, Imgproc.COLOR_BGR2RGB);
    byte[] pixels = new byte[rgb.rows() * rgb.cols() * 3];
    rgb.get(0, 0, pixels);
    Picture p = Picture.ofRgb(rgb.cols(), rgb.rows(), pixels);
    bgr.release();
    rgb.release();
    return p;
  }
}
