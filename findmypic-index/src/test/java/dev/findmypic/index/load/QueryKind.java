package dev.findmypic.index.load;

/** The kinds of query a load run mixes, one after another on each thread. */
public enum QueryKind {
  /** Text to photos (CLIP text embedding, keywords fused). */
  TEXT,
  /** Picture to similar photos (CLIP image embedding). */
  IMAGE,
  /** Face to photos of that person. */
  FACE,
  /** Words in the photos (full-text, prefix). */
  WORDS,
  /** Text search restricted to one folder and a range of dates. */
  FILTERED,
  /** Text search, a later page. */
  PAGED
}
