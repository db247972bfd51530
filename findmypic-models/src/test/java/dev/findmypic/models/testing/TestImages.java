package dev.findmypic.models.testing;

import dev.findmypic.core.Picture;
import java.io.IOException;
import java.nio.file.Path;
import org.opencv.core.Mat;
import org.opencv.imgcodecs.Imgcodecs;
import org.opencv.imgproc.Imgproc;

/**
 * Decodes test images with OpenCV (libpng, libjpeg-turbo) into RGB pictures the way Pillow's {@code convert("RGB")}
 * does: grey replicated to three channels, alpha dropped, no EXIF rotation, no colour management. javax.imageio is
 * not used because its JPEG reader gives other pixels than libjpeg-turbo (33 levels apart on rocket.jpg).
 */
public final class TestImages {
  static {
    nu.pattern.OpenCV.loadLocally();
  }

  private TestImages() {}

  /**
   * Decodes an image file.
   *
   * @param file a PNG or JPEG
   * @return its pixels
   */
  public static Picture decode(Path file) throws IOException {
    Mat bgr = Imgcodecs.imread(file.toString(), Imgcodecs.IMREAD_COLOR | Imgcodecs.IMREAD_IGNORE_ORIENTATION);
    if (bgr.empty()) {
      throw new IOException("OpenCV cannot read " + file);
    }
    Mat rgb = new Mat();
    Imgproc.cvtColor(bgr, rgb, Imgproc.COLOR_BGR2RGB);
    byte[] pixels = new byte[rgb.cols() * rgb.rows() * 3];
    rgb.get(0, 0, pixels);
    Picture picture = Picture.ofRgb(rgb.cols(), rgb.rows(), pixels);
    bgr.release();
    rgb.release();
    return picture;
  }
}
