package dev.findmypic.index.docs;

import java.util.List;
import java.util.Set;

/** Binary-relevance retrieval metrics. */
final class RetrievalMetrics {
  private RetrievalMetrics() {}

  /**
   * Normalised discounted cumulative gain at k with binary gains: DCG = sum over the top k of rel_i / log2(i + 1),
   * divided by the DCG of an ideal ranking (all relevant documents first).
   */
  static double ndcg(List<String> ranking, Set<String> relevant, int k) {
    double dcg = 0;
    for (int i = 0; i < Math.min(k, ranking.size()); i++) {
      if (relevant.contains(ranking.get(i))) {
        dcg += 1 / log2(i + 2);
      }
    }
    double ideal = 0;
    for (int i = 0; i < Math.min(k, relevant.size()); i++) {
      ideal += 1 / log2(i + 2);
    }
    return ideal == 0 ? 0 : dcg / ideal;
  }

  /** The share of the relevant documents found in the top k. */
  static double recall(List<String> ranking, Set<String> relevant, int k) {
    long found = ranking.stream().limit(k).filter(relevant::contains).count();
    return relevant.isEmpty() ? 0 : (double) found / relevant.size();
  }

  private static double log2(double x) {
    return Math.log(x) / Math.log(2);
  }
}
