package dev.findmypic.models.face.mtcnn;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** The two non-maximum suppressions MTCNN uses, each reproducing facenet-pytorch's arithmetic. */
final class Nms {
  private static final Comparator<Candidate> BY_SCORE_DESCENDING =
      Comparator.comparingDouble(Candidate::score).reversed();

  private Nms() {}

  /**
   * torchvision's {@code nms}: IoU with areas {@code (x2-x1)*(y2-y1)} in float, a box is dropped when its IoU with a
   * kept, higher-scoring box exceeds the threshold.
   *
   * @param boxes the candidates
   * @param iouThreshold the threshold, compared in double as torchvision does
   * @return the kept candidates, highest score first
   */
  static List<Candidate> union(List<Candidate> boxes, double iouThreshold) {
    List<Candidate> sorted = new ArrayList<>(boxes);
    sorted.sort(BY_SCORE_DESCENDING);
    int n = sorted.size();
    boolean[] suppressed = new boolean[n];
    List<Candidate> kept = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      if (suppressed[i]) {
        continue;
      }
      Candidate a = sorted.get(i);
      kept.add(a);
      float areaA = (a.x2() - a.x1()) * (a.y2() - a.y1());
      for (int j = i + 1; j < n; j++) {
        if (suppressed[j]) {
          continue;
        }
        Candidate b = sorted.get(j);
        float w = Math.max(0f, Math.min(a.x2(), b.x2()) - Math.max(a.x1(), b.x1()));
        float h = Math.max(0f, Math.min(a.y2(), b.y2()) - Math.max(a.y1(), b.y1()));
        float inter = w * h;
        float areaB = (b.x2() - b.x1()) * (b.y2() - b.y1());
        float iou = inter / (areaA + areaB - inter);
        if (iou > iouThreshold) {
          suppressed[j] = true;
        }
      }
    }
    return kept;
  }

  /**
   * facenet-pytorch's {@code nms_numpy} with method {@code 'Min'}: areas {@code (x2-x1+1)*(y2-y1+1)}, overlap =
   * intersection over the smaller area, in float32; a box survives while its overlap is at most the threshold.
   *
   * @param boxes the candidates
   * @param threshold the threshold, compared as a float32 as numpy does
   * @return the indices into {@code boxes} of the kept candidates, highest score first
   */
  static List<Integer> minimum(List<Candidate> boxes, float threshold) {
    // numpy's argsort, ascending; stable for the handful of boxes O-Net keeps, so among equal scores the last index
    // is taken first (equal scores happen when two boxes clamp to the same patch)
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < boxes.size(); i++) {
      order.add(i);
    }
    order.sort(Comparator.comparingDouble((Integer i) -> boxes.get(i).score()));
    List<Integer> kept = new ArrayList<>();
    while (!order.isEmpty()) {
      int i = order.get(order.size() - 1);
      kept.add(i);
      Candidate a = boxes.get(i);
      float areaA = (a.x2() - a.x1() + 1) * (a.y2() - a.y1() + 1);
      List<Integer> rest = new ArrayList<>();
      for (int k = 0; k < order.size() - 1; k++) {
        Candidate b = boxes.get(order.get(k));
        float w = Math.max(0f, Math.min(a.x2(), b.x2()) - Math.max(a.x1(), b.x1()) + 1);
        float h = Math.max(0f, Math.min(a.y2(), b.y2()) - Math.max(a.y1(), b.y1()) + 1);
        float inter = w * h;
        float areaB = (b.x2() - b.x1() + 1) * (b.y2() - b.y1() + 1);
        if (inter / Math.min(areaA, areaB) <= threshold) {
          rest.add(order.get(k));
        }
      }
      order = rest;
    }
    return kept;
  }
}
