package dev.findmypic.index.people;

import dev.findmypic.core.BoundingBox;
import java.util.List;

/** Which of a photo's faces a caller means: the largest, or the one that overlaps a box they drew most. */
final class FacePick {
  private FacePick() {}

  /**
   * Picks a face.
   *
   * @param boxes the faces' boxes, at least one
   * @param pick roughly where the face is, or null for the largest face
   * @return the index of the chosen box, or -1 when {@code pick} overlaps none
   */
  static int choose(List<BoundingBox> boxes, BoundingBox pick) {
    int chosen = -1;
    double best = 0;
    for (int i = 0; i < boxes.size(); i++) {
      double measure = pick == null ? boxes.get(i).area() : overlap(boxes.get(i), pick);
      if (measure > best || (pick == null && chosen < 0)) {
        best = measure;
        chosen = i;
      }
    }
    return chosen;
  }

  private static double overlap(BoundingBox a, BoundingBox b) {
    double w = Math.min(a.right(), b.right()) - Math.max(a.x(), b.x());
    double h = Math.min(a.bottom(), b.bottom()) - Math.max(a.y(), b.y());
    return w <= 0 || h <= 0 ? 0 : w * h;
  }
}
