package dev.findmypic.index.pipeline;

import dev.findmypic.core.DecodedPhoto;
import dev.findmypic.core.OcrResult;
import dev.findmypic.index.catalogue.AnalysedPhoto;
import dev.findmypic.index.catalogue.FileRef;
import dev.findmypic.index.catalogue.FileState;

/** What travels between the stages of a run. */
sealed interface Work {
  /** A file that needs work; {@code known} is what the catalogue had at its path, or null. */
  record Todo(FileRef file, FileState known) implements Work {}

  /** A file decoded and waiting for the analysers. */
  record Decoded(FileRef file, boolean isNew, DecodedPhoto photo) implements Work {}

  /** A file analysed and waiting to be committed. */
  record Analysed(AnalysedPhoto photo, boolean isNew) implements Work {}

  /** A file that failed, waiting to be committed. */
  record Failed(FileRef file, boolean isNew, String reason) implements Work {}

  /**
   * A file that every current model has analysed but the text embedder: its text vector is to be recomputed from its
   * name and the OCR lines the catalogue holds ({@link OcrResult#EMPTY} when OCR is off), without decoding it.
   */
  record Retext(long fileId, FileRef file, OcrResult ocr) implements Work {}

  /** The recomputed text vector of a {@link Retext}, to store with the file's new size and mtime. */
  record Retexted(long fileId, FileRef file, float[] textVector) implements Work {}

  /** A catalogue record to point at a new path (moved, or only touched), keeping its analysis. */
  record Moved(long fileId, FileRef to, boolean renamed) implements Work {}

  /** The end of a stage's output. */
  record End() implements Work {}
}
