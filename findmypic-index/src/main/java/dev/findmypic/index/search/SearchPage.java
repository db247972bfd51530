package dev.findmypic.index.search;

import java.util.List;

/**
 * One page of results.
 *
 * @param hits the photos on this page, in order
 * @param total how many results the query has in all (pages beyond the last are empty)
 * @param offset where this page starts
 */
public record SearchPage(List<PhotoHit> hits, int total, int offset) {
  /** Copies the list so the record stays immutable. */
  public SearchPage {
    hits = List.copyOf(hits);
  }
}
