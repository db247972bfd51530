package dev.findmypic.models.ocr.easyocr;

import dev.findmypic.core.Picture;
import dev.findmypic.core.Point;
import dev.findmypic.models.image.PictureMats;
import java.util.List;
import java.util.Optional;
import org.opencv.core.Mat;
import org.opencv.core.MatOfPoint2f;
import org.opencv.core.Rect;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;

/**
 * Cuts the recogniser's crops out of the grey picture as EasyOCR's {@code get_image_list} does for one box at a time
 * (its CPU path): lines are cut axis-aligned and clipped to the picture, free boxes are rectified with a perspective
 * warp; each crop is scaled (bilinear, as its {@code cv2.resize} call ends up doing) to height 64 keeping its aspect
 * ratio, or to width 64 when it is taller than wide. Holds native memory: close it.
 */
final class CropExtractor implements AutoCloseable {
  private final Mat grey;
  private final int width;
  private final int height;

  /** @param picture the RGB picture, converted to grey as {@code cv2.cvtColor(..., COLOR_RGB2GRAY)} does */
  CropExtractor(Picture picture) {
    width = picture.width();
    height = picture.height();
    Mat rgb = PictureMats.rgb(picture);
    try {
      grey = new Mat();
      Imgproc.cvtColor(rgb, grey, Imgproc.COLOR_RGB2GRAY);
    } finally {
      rgb.release();
    }
  }

  /**
   * Crops a line.
   *
   * @param line the line, possibly reaching outside the picture
   * @return the crop, or empty if nothing of it lies inside the picture
   */
  Optional<Crop> line(LineBox line) {
    int x0 = Math.max(0, line.xMin());
    int x1 = Math.min(line.xMax(), width);
    int y0 = Math.max(0, line.yMin());
    int y1 = Math.min(line.yMax(), height);
    if (x1 <= x0 || y1 <= y0) {
      return Optional.empty();
    }
    List<Point> box = List.of(new Point(x0, y0), new Point(x1, y0), new Point(x1, y1), new Point(x0, y1));
    Mat roi = grey.submat(new Rect(x0, y0, x1 - x0, y1 - y0));
    try {
      return Optional.of(scaled(roi, box));
    } finally {
      roi.release();
    }
  }

  /**
   * Crops a free (tilted) box by rectifying it.
   *
   * @param quad the box
   * @return the crop, or empty if it is degenerate
   */
  Optional<Crop> free(Quad quad) {
    List<Point> p = quad.points();
    int w = Math.max((int) length(p.get(2), p.get(3)), (int) length(p.get(1), p.get(0)));
    int h = Math.max((int) length(p.get(1), p.get(2)), (int) length(p.get(0), p.get(3)));
    if (w <= 0 || h <= 0) {
      return Optional.empty();
    }
    MatOfPoint2f src = new MatOfPoint2f(cv(p.get(0)), cv(p.get(1)), cv(p.get(2)), cv(p.get(3)));
    MatOfPoint2f dst = new MatOfPoint2f(new org.opencv.core.Point(0, 0), new org.opencv.core.Point(w - 1, 0),
        new org.opencv.core.Point(w - 1, h - 1), new org.opencv.core.Point(0, h - 1));
    Mat m = Imgproc.getPerspectiveTransform(src, dst);
    Mat warped = new Mat();
    try {
      Imgproc.warpPerspective(grey, warped, m, new Size(w, h));
      return Optional.of(scaled(warped, p));
    } finally {
      src.release();
      dst.release();
      m.release();
      warped.release();
    }
  }

  private static Crop scaled(Mat image, List<Point> box) {
    int w = image.cols();
    int h = image.rows();
    double ratio = (double) w / h;
    int tw;
    int th;
    if (ratio < 1.0) {
      // EasyOCR inverts the ratio rather than computing h / w; the two can differ in the last bit
      ratio = 1.0 / ratio;
      tw = EnglishG2.HEIGHT;
      th = (int) (EnglishG2.HEIGHT * ratio);
    } else {
      tw = (int) (EnglishG2.HEIGHT * ratio);
      th = EnglishG2.HEIGHT;
    }
    Mat resized = new Mat();
    try {
      Imgproc.resize(image, resized, new Size(tw, th), 0, 0, Imgproc.INTER_LINEAR);
      byte[] pixels = new byte[tw * th];
      resized.get(0, 0, pixels);
      int padded = (int) Math.ceil(Math.max(1.0, ratio)) * EnglishG2.HEIGHT;
      return new Crop(box, pixels, tw, th, padded);
    } finally {
      resized.release();
    }
  }

  private static float length(Point a, Point b) {
    float dx = a.x() - b.x();
    float dy = a.y() - b.y();
    return (float) Math.sqrt(dx * dx + dy * dy);
  }

  private static org.opencv.core.Point cv(Point p) {
    return new org.opencv.core.Point(p.x(), p.y());
  }

  @Override
  public void close() {
    grey.release();
  }
}
