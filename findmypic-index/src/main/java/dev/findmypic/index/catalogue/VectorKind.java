package dev.findmypic.index.catalogue;

/** Which vectors a vector set holds; each kind is stored per model key and never mixed with another. */
public enum VectorKind {
  /** One CLIP image vector per photo; ids are file ids. */
  IMAGE,
  /** One text-embedder vector per photo, of its file name and OCR text; ids are file ids. */
  TEXT,
  /** One vector per detected face; ids are face ids. */
  FACE
}
