package dev.findmypic.index.docs;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reciprocal rank fusion (Cormack, Clarke and Büttcher, SIGIR 2009): an item's fused score is the sum over the
 * rankings that contain it of {@code 1 / (k + rank)}, rank counted from 1. It needs no score calibration, which
 * matters here because BM25 scores and cosine similarities live on unrelated scales; {@code k = 60}, the paper's
 * value, damps the weight of the very first ranks so that agreement between the rankings counts for more than
 * either ranking's top item.
 */
final class ReciprocalRankFusion {
  static final int K = 60;

  private ReciprocalRankFusion() {}

  /**
   * Fuses rankings.
   *
   * @param rankings each ranking's items, best first
   * @return each item's fused score; higher is better
   */
  static <T> Map<T, Double> fuse(List<List<T>> rankings) {
    Map<T, Double> scores = new HashMap<>();
    for (List<T> ranking : rankings) {
      for (int i = 0; i < ranking.size(); i++) {
        scores.merge(ranking.get(i), 1.0 / (K + i + 1), Double::sum);
      }
    }
    return scores;
  }
}
