package dev.findmypic.index.search;

/**
 * How one signal matched one photo.
 *
 * @param rank the photo's place in that signal's own list, 1-based
 * @param raw the signal's own measure: cosine similarity for vectors, BM25 (higher is better, sign flipped from
 *     SQLite's) for keywords, the recogniser's distance for faces
 */
public record SignalMatch(int rank, double raw) {}
