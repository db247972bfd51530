package dev.findmypic.models.ocr.easyocr;

import dev.findmypic.core.Point;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * EasyOCR's {@code group_text_box} followed by the {@code min_size} filter of {@code Reader.detect}: nearly horizontal
 * word boxes are merged into lines (by y-centre, then by height and horizontal gap) and widened by a margin; tilted
 * boxes are kept apart as free quadrilaterals, widened along their slope.
 */
final class TextBoxGrouper {
  private final EasyOcrSettings s;

  /** @param settings the thresholds and margin */
  TextBoxGrouper(EasyOcrSettings settings) {
    this.s = settings;
  }

  /**
   * The result of grouping.
   *
   * @param lines the axis-aligned lines, in EasyOCR's order
   * @param free the tilted boxes, in detection order
   */
  record Groups(List<LineBox> lines, List<Quad> free) {}

  /**
   * Groups word boxes.
   *
   * @param polys each box's corners as integers {@code x0 y0 x1 y1 x2 y2 x3 y3}, clockwise from the top-left
   * @return the lines and free boxes larger than the minimum size
   */
  Groups group(List<int[]> polys) {
    List<Word> horizontal = new ArrayList<>();
    List<Quad> free = new ArrayList<>();
    for (int[] p : polys) {
      double slopeUp = (double) (p[3] - p[1]) / Math.max(10, p[2] - p[0]);
      double slopeDown = (double) (p[5] - p[7]) / Math.max(10, p[4] - p[6]);
      if (Math.max(Math.abs(slopeUp), Math.abs(slopeDown)) < s.slopeThreshold()) {
        int xMax = Math.max(Math.max(p[0], p[2]), Math.max(p[4], p[6]));
        int xMin = Math.min(Math.min(p[0], p[2]), Math.min(p[4], p[6]));
        int yMax = Math.max(Math.max(p[1], p[3]), Math.max(p[5], p[7]));
        int yMin = Math.min(Math.min(p[1], p[3]), Math.min(p[5], p[7]));
        horizontal.add(new Word(xMin, xMax, yMin, yMax));
      } else {
        free.add(widen(p));
      }
    }
    horizontal.sort(Comparator.comparingDouble(Word::yCenter));
    List<LineBox> lines = new ArrayList<>();
    for (List<Word> row : rows(horizontal)) {
      lines.addAll(mergeRow(row));
    }
    int min = s.minSize();
    lines.removeIf(b -> Math.max(b.xMax() - b.xMin(), b.yMax() - b.yMin()) <= min);
    free.removeIf(q -> Math.max(spread(q, true), spread(q, false)) <= min);
    return new Groups(lines, free);
  }

  private Quad widen(int[] p) {
    double height = Math.hypot(p[6] - p[0], p[7] - p[1]);
    double width = Math.hypot(p[2] - p[0], p[3] - p[1]);
    int margin = (int) (1.44 * s.addMargin() * Math.min(width, height));
    double theta13 = Math.abs(Math.atan((double) (p[1] - p[5]) / Math.max(10, p[0] - p[4])));
    double theta24 = Math.abs(Math.atan((double) (p[3] - p[7]) / Math.max(10, p[2] - p[6])));
    double c13 = Math.cos(theta13) * margin;
    double s13 = Math.sin(theta13) * margin;
    double c24 = Math.cos(theta24) * margin;
    double s24 = Math.sin(theta24) * margin;
    return new Quad(point(p[0] - c13, p[1] - s13), point(p[2] + c24, p[3] - s24), point(p[4] + c13, p[5] + s13),
        point(p[6] - c24, p[7] + s24));
  }

  /** Splits words sorted by y-centre into rows whose centres lie within a fraction of the row's mean height. */
  private List<List<Word>> rows(List<Word> sorted) {
    List<List<Word>> rows = new ArrayList<>();
    List<Word> row = new ArrayList<>();
    double centreSum = 0;
    double heightSum = 0;
    for (Word w : sorted) {
      if (!row.isEmpty()
          && !(Math.abs(centreSum / row.size() - w.yCenter()) < s.yCenterThreshold() * (heightSum / row.size()))) {
        rows.add(row);
        row = new ArrayList<>();
        centreSum = 0;
        heightSum = 0;
      }
      row.add(w);
      centreSum += w.yCenter();
      heightSum += w.height();
    }
    rows.add(row);
    return rows;
  }

  /** Merges the words of one row that have similar heights and small gaps, then adds the margin. */
  private List<LineBox> mergeRow(List<Word> row) {
    if (row.isEmpty()) {
      return List.of();
    }
    if (row.size() == 1) {
      Word w = row.get(0);
      return List.of(withMargin(w, (int) (s.addMargin() * Math.min(w.xMax - w.xMin, w.height()))));
    }
    List<Word> byX = new ArrayList<>(row);
    byX.sort(Comparator.comparingInt(Word::xMin));
    List<List<Word>> groups = new ArrayList<>();
    List<Word> group = new ArrayList<>();
    double heightSum = 0;
    int lastRight = 0;
    for (Word w : byX) {
      boolean joins = !group.isEmpty()
          && Math.abs(heightSum / group.size() - w.height()) < s.heightThreshold() * (heightSum / group.size())
          && (w.xMin - lastRight) < s.widthThreshold() * (w.yMax - w.yMin);
      if (!group.isEmpty() && !joins) {
        groups.add(group);
        group = new ArrayList<>();
        heightSum = 0;
      }
      group.add(w);
      heightSum += w.height();
      lastRight = w.xMax;
    }
    groups.add(group);
    List<LineBox> out = new ArrayList<>();
    for (List<Word> g : groups) {
      Word box = g.stream().reduce(Word::union).orElseThrow();
      out.add(withMargin(box, (int) (s.addMargin() * Math.min(box.xMax - box.xMin, box.yMax - box.yMin))));
    }
    return out;
  }

  private static LineBox withMargin(Word w, int margin) {
    return new LineBox(w.xMin - margin, w.xMax + margin, w.yMin - margin, w.yMax + margin);
  }

  private static double spread(Quad q, boolean x) {
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    for (Point p : q.points()) {
      double v = x ? p.x() : p.y();
      min = Math.min(min, v);
      max = Math.max(max, v);
    }
    return max - min;
  }

  private static Point point(double x, double y) {
    return new Point((float) x, (float) y);
  }

  /** An axis-aligned word box. */
  private record Word(int xMin, int xMax, int yMin, int yMax) {
    double yCenter() {
      return 0.5 * (yMin + yMax);
    }

    int height() {
      return yMax - yMin;
    }

    Word union(Word o) {
      return new Word(Math.min(xMin, o.xMin), Math.max(xMax, o.xMax), Math.min(yMin, o.yMin), Math.max(yMax, o.yMax));
    }
  }
}
