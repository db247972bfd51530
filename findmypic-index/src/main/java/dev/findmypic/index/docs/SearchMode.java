package dev.findmypic.index.docs;

/** Which signals rank the documents. */
public enum SearchMode {
  /** BM25 over the passages' words only. */
  KEYWORD,
  /** Cosine similarity of the query's and the passages' embeddings only. */
  SEMANTIC,
  /** Both, fused by reciprocal rank fusion (see {@link DocumentIndex#search(String, int, SearchMode)}). */
  HYBRID
}
