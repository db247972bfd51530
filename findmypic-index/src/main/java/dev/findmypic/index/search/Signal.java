package dev.findmypic.index.search;

/** A reason a photo matched a query. */
public enum Signal {
  /** The CLIP text or image vector is close to the photo's CLIP image vector. */
  VISUAL,
  /** Query words appear in the text read in the photo (BM25 over OCR text). */
  OCR_TEXT,
  /** Query words appear in the file name (BM25 over file names). */
  FILE_NAME,
  /** The text embedder finds the query close in meaning to the photo's file name and OCR text. */
  TEXT_MEANING,
  /** A face in the photo is the same person as a reference face. */
  FACE
}
