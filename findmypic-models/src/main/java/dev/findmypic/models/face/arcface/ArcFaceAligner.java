package dev.findmypic.models.face.arcface;

import dev.findmypic.core.Point;
import java.util.List;

/**
 * Warps a face to the 112×112 ArcFace crop: the similarity transform that best maps the five landmarks onto
 * insightface's {@code arcface_dst} template, then bilinear sampling with black outside the picture (as
 * {@code cv2.warpAffine(..., borderValue=0)}).
 */
final class ArcFaceAligner {
  /** The crop side. */
  static final int SIZE = 112;

  /** insightface's template: left eye, right eye, nose tip, left and right mouth corner, for 112×112. */
  static final double[] TEMPLATE = {
      38.2946, 51.6963, 73.5318, 51.5014, 56.0252, 71.7366, 41.5493, 92.3655, 70.7299, 92.2041};

  private ArcFaceAligner() {}

  /**
   * The transform from picture pixels to crop pixels.
   *
   * @param landmarks five landmarks in the picture's pixels, in {@link dev.findmypic.core.DetectedFace}'s order
   * @return the transform
   */
  static SimilarityTransform toCrop(List<Point> landmarks) {
    if (landmarks.size() != 5) {
      throw new IllegalArgumentException("ArcFace alignment needs 5 landmarks, got " + landmarks.size());
    }
    double[] from = new double[10];
    for (int i = 0; i < 5; i++) {
      from[2 * i] = landmarks.get(i).x();
      from[2 * i + 1] = landmarks.get(i).y();
    }
    return SimilarityTransform.estimate(from, TEMPLATE);
  }

  /**
   * Samples the aligned crop.
   *
   * @param rgb the picture, 3 bytes a pixel
   * @param width its width
   * @param height its height
   * @param toCrop the transform from picture to crop pixels
   * @return {@code 112 * 112 * 3} RGB values, 0 to 255, row by row
   */
  static float[] warp(byte[] rgb, int width, int height, SimilarityTransform toCrop) {
    SimilarityTransform back = toCrop.inverse();
    float[] out = new float[SIZE * SIZE * 3];
    for (int v = 0; v < SIZE; v++) {
      for (int u = 0; u < SIZE; u++) {
        double x = back.x(u, v);
        double y = back.y(u, v);
        int x0 = (int) Math.floor(x);
        int y0 = (int) Math.floor(y);
        double fx = x - x0;
        double fy = y - y0;
        for (int c = 0; c < 3; c++) {
          double top = (1 - fx) * sample(rgb, width, height, x0, y0, c) + fx * sample(rgb, width, height, x0 + 1, y0, c);
          double bottom = (1 - fx) * sample(rgb, width, height, x0, y0 + 1, c)
              + fx * sample(rgb, width, height, x0 + 1, y0 + 1, c);
          out[(v * SIZE + u) * 3 + c] = (float) ((1 - fy) * top + fy * bottom);
        }
      }
    }
    return out;
  }

  private static int sample(byte[] rgb, int width, int height, int x, int y, int c) {
    if (x < 0 || y < 0 || x >= width || y >= height) {
      return 0;
    }
    return rgb[(y * width + x) * 3 + c] & 0xFF;
  }
}
