package dev.findmypic.models.ocr.easyocr;

import dev.findmypic.core.Point;
import java.util.List;

/**
 * A four-cornered text box, corners clockwise from the top-left as EasyOCR orders them.
 *
 * @param topLeft the first corner
 * @param topRight the second corner
 * @param bottomRight the third corner
 * @param bottomLeft the fourth corner
 */
record Quad(Point topLeft, Point topRight, Point bottomRight, Point bottomLeft) {
  /** @return the corners in order */
  List<Point> points() {
    return List.of(topLeft, topRight, bottomRight, bottomLeft);
  }

  /**
   * @param sx factor for x
   * @param sy factor for y
   * @return this box with every coordinate multiplied
   */
  Quad scaled(float sx, float sy) {
    return new Quad(scale(topLeft, sx, sy), scale(topRight, sx, sy), scale(bottomRight, sx, sy),
        scale(bottomLeft, sx, sy));
  }

  private static Point scale(Point p, float sx, float sy) {
    return new Point(p.x() * sx, p.y() * sy);
  }
}
