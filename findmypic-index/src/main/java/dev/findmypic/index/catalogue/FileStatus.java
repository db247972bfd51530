package dev.findmypic.index.catalogue;

/** Where a file stands in the catalogue. */
public enum FileStatus {
  /** Analysed; its metadata, vectors, faces and text are stored. */
  INDEXED,
  /** Could not be analysed; the reason is stored and the file is retried once its size or mtime changes. */
  FAILED
}
