package dev.findmypic.index.search;

/** How results are ordered; ties always go to the lower file id, so pages are stable. */
public enum SortOrder {
  /** Highest score first. */
  RELEVANCE,
  /** Latest date taken first; photos without a date last. */
  NEWEST_FIRST,
  /** Earliest date taken first; photos without a date last. */
  OLDEST_FIRST
}
