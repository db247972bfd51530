package dev.findmypic.index.docs;

/** Why a document or passage was found. */
public enum Signal {
  /** Words of the query occur in it (SQLite FTS5, BM25 with Porter stemming). */
  KEYWORD,
  /** It is close in meaning to the query (cosine similarity of sentence embeddings). */
  SEMANTIC
}
