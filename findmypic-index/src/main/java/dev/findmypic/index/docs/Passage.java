package dev.findmypic.index.docs;

import java.util.Set;

/**
 * A passage of a found document.
 *
 * @param ordinal the passage's position in the document, from 0
 * @param text the passage
 * @param similarity the cosine similarity of the passage's and the query's embeddings, -1 to 1; NaN for a
 *     {@link SearchMode#KEYWORD} search, which does not embed the query
 * @param keywordScore the passage's BM25 score for the query's words (higher is better), 0 where no word matched
 * @param signals which signals found this passage
 */
public record Passage(int ordinal, String text, double similarity, double keywordScore, Set<Signal> signals) {
  /** Copies the set so the record stays immutable. */
  public Passage {
    signals = Set.copyOf(signals);
  }
}
