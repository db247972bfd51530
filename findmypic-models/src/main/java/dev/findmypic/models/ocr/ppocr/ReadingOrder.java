package dev.findmypic.models.ocr.ppocr;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * PaddleOCR's {@code sorted_boxes}: boxes by the top-left corner's y then x, then neighbours whose tops are within 10
 * pixels swapped into left-to-right order.
 */
final class ReadingOrder {
  private static final float SAME_LINE = 10;

  private ReadingOrder() {}

  static List<Quad> sort(List<Quad> boxes) {
    List<Quad> sorted = new ArrayList<>(boxes);
    sorted.sort(Comparator.<Quad>comparingDouble(q -> q.y()[0]).thenComparingDouble(q -> q.x()[0]));
    for (int i = 0; i < sorted.size() - 1; i++) {
      for (int j = i; j >= 0; j--) {
        Quad a = sorted.get(j);
        Quad b = sorted.get(j + 1);
        if (Math.abs(b.y()[0] - a.y()[0]) < SAME_LINE && b.x()[0] < a.x()[0]) {
          sorted.set(j, b);
          sorted.set(j + 1, a);
        } else {
          break;
        }
      }
    }
    return sorted;
  }
}
