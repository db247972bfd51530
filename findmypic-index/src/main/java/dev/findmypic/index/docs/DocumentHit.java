package dev.findmypic.index.docs;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * A document found by a search.
 *
 * @param path the document
 * @param score the ranking score: the reciprocal-rank-fusion score for {@link SearchMode#HYBRID}, the best passage's
 *     BM25 for {@link SearchMode#KEYWORD}, the best passage's cosine similarity for {@link SearchMode#SEMANTIC}
 * @param passages the document's best passages, best first (at most three)
 * @param signals which signals found the document
 */
public record DocumentHit(Path path, double score, List<Passage> passages, Set<Signal> signals) {
  /** Copies the collections so the record stays immutable. */
  public DocumentHit {
    passages = List.copyOf(passages);
    signals = Set.copyOf(signals);
  }
}
