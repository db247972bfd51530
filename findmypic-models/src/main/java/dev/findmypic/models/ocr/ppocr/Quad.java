package dev.findmypic.models.ocr.ppocr;

import dev.findmypic.core.Point;
import java.util.List;

/**
 * A text box: four corners, top-left, top-right, bottom-right, bottom-left, in image pixels.
 *
 * @param x the four x coordinates
 * @param y the four y coordinates
 */
record Quad(float[] x, float[] y) {
  /** @return the box covering a whole {@code width x height} image */
  static Quad of(int width, int height) {
    return new Quad(new float[] {0, width, width, 0}, new float[] {0, 0, height, height});
  }

  /** @return the corner {@code i} as a point scaled by {@code factor} */
  Point corner(int i, double factor) {
    return new Point((float) (x[i] * factor), (float) (y[i] * factor));
  }

  /** @return the four corners scaled by {@code factor} */
  List<Point> polygon(double factor) {
    return List.of(corner(0, factor), corner(1, factor), corner(2, factor), corner(3, factor));
  }

  /** @return the length of the top edge */
  double topWidth() {
    return Math.hypot(x[1] - x[0], y[1] - y[0]);
  }

  /** @return the length of the left edge */
  double leftHeight() {
    return Math.hypot(x[3] - x[0], y[3] - y[0]);
  }

  /** @return the longer of the top and bottom edges */
  double width() {
    return Math.max(topWidth(), Math.hypot(x[2] - x[3], y[2] - y[3]));
  }

  /** @return the longer of the left and right edges */
  double height() {
    return Math.max(leftHeight(), Math.hypot(x[2] - x[1], y[2] - y[1]));
  }
}
