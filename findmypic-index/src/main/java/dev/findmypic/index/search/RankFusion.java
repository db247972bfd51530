package dev.findmypic.index.search;

import java.util.List;
import java.util.Map;

/**
 * Reciprocal rank fusion: a photo's fused value is the sum, over the signals whose lists it is in, of
 * {@code 1 / (K + rank)} with {@code K = 60} (Cormack et al., 2009). Ranks are used rather than raw measures because
 * cosine similarities, BM25 and face distances are on scales that cannot be added. The fused value is then divided
 * by its maximum, {@code n / (K + 1)} for {@code n} signals taking part in the query, so the score is 1 for a photo
 * ranked first by every signal, and a photo ranked first by one signal of two scores 0.5.
 */
final class RankFusion {
  static final int K = 60;

  private RankFusion() {}

  /**
   * Adds one signal's ranked list.
   *
   * @param candidates file id → candidate, updated
   * @param signal the signal
   * @param ranked file ids with their raw measure, best first
   */
  static void add(Map<Long, Candidate> candidates, Signal signal, List<Scored> ranked) {
    for (int i = 0; i < ranked.size(); i++) {
      Scored s = ranked.get(i);
      Candidate c = candidates.computeIfAbsent(s.fileId(), Candidate::new);
      c.signals.put(signal, new SignalMatch(i + 1, s.raw()));
      c.score += 1.0 / (K + i + 1);
    }
  }

  /**
   * Scales fused values to 0..1.
   *
   * @param candidates the candidates
   * @param signals how many signals took part in the query
   */
  static void normalise(Iterable<Candidate> candidates, int signals) {
    double max = signals / (double) (K + 1);
    for (Candidate c : candidates) {
      c.score = Math.min(1.0, c.score / max);
    }
  }

  /**
   * A file id with its raw measure in one signal.
   *
   * @param fileId the file
   * @param raw the measure
   */
  record Scored(long fileId, double raw) {}
}
