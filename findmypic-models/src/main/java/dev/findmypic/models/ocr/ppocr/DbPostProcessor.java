package dev.findmypic.models.ocr.ppocr;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.MatOfPoint;
import org.opencv.core.MatOfPoint2f;
import org.opencv.core.Point;
import org.opencv.core.Rect;
import org.opencv.core.RotatedRect;
import org.opencv.core.Scalar;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;

/**
 * PaddleOCR's DB post-processing ({@code DBPostProcess} with {@code score_mode="fast"}): binarise the probability map,
 * take the contours, keep those whose mean probability inside the minimum-area box passes the box threshold, grow each
 * box by {@code area * ratio / perimeter} (pyclipper's rounded offset, whose minimum-area rectangle is the box grown by
 * that distance on every side), and scale it to the image.
 */
final class DbPostProcessor {
  private static final int MAX_CANDIDATES = 1000;
  private static final int MIN_SIZE = 3;

  private final float binaryThreshold;
  private final float boxThreshold;
  private final float unclipRatio;

  DbPostProcessor(float binaryThreshold, float boxThreshold, float unclipRatio) {
    this.binaryThreshold = binaryThreshold;
    this.boxThreshold = boxThreshold;
    this.unclipRatio = unclipRatio;
  }

  /**
   * Finds the text boxes.
   *
   * @param prob the probability map, {@code height * width} values
   * @param width the map's width
   * @param height the map's height
   * @param destWidth the image's width, to which boxes are scaled
   * @param destHeight the image's height
   * @return the boxes in image pixels
   */
  List<Quad> boxes(float[] prob, int width, int height, int destWidth, int destHeight) {
    Mat probMat = new Mat(height, width, CvType.CV_32F);
    probMat.put(0, 0, prob);
    Mat bitmap = new Mat();
    Imgproc.threshold(probMat, bitmap, binaryThreshold, 255, Imgproc.THRESH_BINARY);
    bitmap.convertTo(bitmap, CvType.CV_8U);
    List<MatOfPoint> contours = new ArrayList<>();
    Mat hierarchy = new Mat();
    Imgproc.findContours(bitmap, contours, hierarchy, Imgproc.RETR_LIST, Imgproc.CHAIN_APPROX_SIMPLE);
    List<Quad> boxes = new ArrayList<>();
    for (int i = 0; i < Math.min(contours.size(), MAX_CANDIDATES); i++) {
      MatOfPoint2f contour = new MatOfPoint2f(contours.get(i).toArray());
      RotatedRect rect = Imgproc.minAreaRect(contour);
      contour.release();
      if (Math.min(rect.size.width, rect.size.height) < MIN_SIZE) {
        continue;
      }
      Point[] corners = orderedCorners(rect);
      if (boxScore(probMat, corners) < boxThreshold) {
        continue;
      }
      RotatedRect grown = unclip(rect);
      if (Math.min(grown.size.width, grown.size.height) < MIN_SIZE + 2) {
        continue;
      }
      Point[] box = orderedCorners(grown);
      float[] xs = new float[4];
      float[] ys = new float[4];
      for (int k = 0; k < 4; k++) {
        xs[k] = clamp(Math.round(box[k].x / width * destWidth), destWidth);
        ys[k] = clamp(Math.round(box[k].y / height * destHeight), destHeight);
      }
      boxes.add(new Quad(xs, ys));
    }
    for (MatOfPoint c : contours) {
      c.release();
    }
    hierarchy.release();
    bitmap.release();
    probMat.release();
    return boxes;
  }

  /**
   * Grows the rectangle by {@code d = area * ratio / perimeter} on every side: the minimum-area rectangle of
   * pyclipper's round-joined offset of a rectangle by {@code d}.
   */
  private RotatedRect unclip(RotatedRect rect) {
    double w = rect.size.width;
    double h = rect.size.height;
    double d = w * h * unclipRatio / (2 * (w + h));
    return new RotatedRect(rect.center, new Size(w + 2 * d, h + 2 * d), rect.angle);
  }

  /**
   * PaddleOCR's {@code get_mini_boxes}: the rectangle's corners sorted by x, then the left pair and the right pair each
   * split by y, giving top-left, top-right, bottom-right, bottom-left.
   */
  static Point[] orderedCorners(RotatedRect rect) {
    Point[] p = new Point[4];
    rect.points(p);
    Arrays.sort(p, (a, b) -> Double.compare(a.x, b.x));
    Point topLeft = p[0].y <= p[1].y ? p[0] : p[1];
    Point bottomLeft = p[0].y <= p[1].y ? p[1] : p[0];
    Point topRight = p[2].y <= p[3].y ? p[2] : p[3];
    Point bottomRight = p[2].y <= p[3].y ? p[3] : p[2];
    return new Point[] {topLeft, topRight, bottomRight, bottomLeft};
  }

  /** The mean probability inside the box (PaddleOCR's {@code box_score_fast}). */
  private static double boxScore(Mat prob, Point[] box) {
    int w = prob.cols();
    int h = prob.rows();
    double minX = Double.MAX_VALUE;
    double maxX = -Double.MAX_VALUE;
    double minY = Double.MAX_VALUE;
    double maxY = -Double.MAX_VALUE;
    for (Point p : box) {
      minX = Math.min(minX, p.x);
      maxX = Math.max(maxX, p.x);
      minY = Math.min(minY, p.y);
      maxY = Math.max(maxY, p.y);
    }
    int x0 = clampIndex((int) Math.floor(minX), w);
    int x1 = clampIndex((int) Math.ceil(maxX), w);
    int y0 = clampIndex((int) Math.floor(minY), h);
    int y1 = clampIndex((int) Math.ceil(maxY), h);
    Mat mask = Mat.zeros(y1 - y0 + 1, x1 - x0 + 1, CvType.CV_8U);
    Point[] shifted = new Point[4];
    for (int k = 0; k < 4; k++) {
      shifted[k] = new Point((int) (box[k].x - x0), (int) (box[k].y - y0));
    }
    Imgproc.fillPoly(mask, List.of(new MatOfPoint(shifted)), new Scalar(1));
    Mat region = prob.submat(new Rect(x0, y0, x1 - x0 + 1, y1 - y0 + 1));
    double score = org.opencv.core.Core.mean(region, mask).val[0];
    region.release();
    mask.release();
    return score;
  }

  private static int clampIndex(int v, int size) {
    return Math.max(0, Math.min(v, size - 1));
  }

  private static float clamp(long v, int max) {
    return Math.max(0, Math.min(v, max));
  }
}
