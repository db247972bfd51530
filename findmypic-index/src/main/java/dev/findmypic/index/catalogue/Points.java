package dev.findmypic.index.catalogue;

import dev.findmypic.core.Point;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Point lists as text, {@code x,y;x,y;...}, for landmarks and OCR polygons. */
final class Points {
  private Points() {}

  static String format(List<Point> points) {
    StringBuilder sb = new StringBuilder();
    for (Point p : points) {
      if (sb.length() > 0) {
        sb.append(';');
      }
      sb.append(String.format(Locale.ROOT, "%s,%s", p.x(), p.y()));
    }
    return sb.toString();
  }

  static List<Point> parse(String text) {
    List<Point> points = new ArrayList<>();
    if (text.isEmpty()) {
      return points;
    }
    for (String pair : text.split(";")) {
      int comma = pair.indexOf(',');
      points.add(new Point(Float.parseFloat(pair.substring(0, comma)), Float.parseFloat(pair.substring(comma + 1))));
    }
    return points;
  }
}
