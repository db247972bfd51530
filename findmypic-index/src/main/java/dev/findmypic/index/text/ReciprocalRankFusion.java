package dev.findmypic.index.text;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reciprocal rank fusion (Cormack, Clarke and Büttcher, SIGIR 2009): an item's fused score is the sum over the
 * rankings that contain it of {@code 1 / (K + rank)}, rank counted from 1. Ranks are used rather than raw measures
 * because BM25, cosine similarities and face distances live on scales that cannot be added; {@code K = 60}, the
 * paper's value, damps the weight of the very first ranks so that agreement between rankings counts for more than
 * either ranking's top item. The photo search and the document search both fuse with it.
 */
public final class ReciprocalRankFusion {
  /** The paper's constant. */
  public static final int K = 60;

  private ReciprocalRankFusion() {}

  /**
   * What one ranking adds to the score of its item at a rank.
   *
   * @param rank the rank, from 1
   * @return {@code 1 / (K + rank)}
   */
  public static double contribution(int rank) {
    if (rank < 1) {
      throw new IllegalArgumentException("ranks count from 1, got " + rank);
    }
    return 1.0 / (K + rank);
  }

  /**
   * The highest fused score that a number of rankings can give: that of an item first in every one.
   *
   * @param rankings how many rankings take part
   * @return {@code rankings / (K + 1)}
   */
  public static double best(int rankings) {
    return rankings * contribution(1);
  }

  /**
   * Fuses rankings.
   *
   * @param rankings each ranking's items, best first
   * @param <T> the items' type
   * @return each item's fused score; higher is better
   */
  public static <T> Map<T, Double> fuse(List<List<T>> rankings) {
    Map<T, Double> scores = new HashMap<>();
    for (List<T> ranking : rankings) {
      for (int i = 0; i < ranking.size(); i++) {
        scores.merge(ranking.get(i), contribution(i + 1), Double::sum);
      }
    }
    return scores;
  }
}
