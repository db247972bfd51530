package dev.findmypic.core;

/** What an {@link Embedder} can turn into a vector. */
public enum Modality {
  /** A string of text, such as a search query or a document passage. */
  TEXT,
  /** A {@link Picture}. */
  IMAGE
}
