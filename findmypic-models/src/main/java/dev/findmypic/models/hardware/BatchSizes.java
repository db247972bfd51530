package dev.findmypic.models.hardware;

/**
 * How many items each role's model takes per inference call.
 *
 * @param clip images per CLIP batch
 * @param text texts per MiniLM batch
 * @param faces face crops per embedding batch
 * @param ocr text regions per recogniser batch
 */
public record BatchSizes(int clip, int text, int faces, int ocr) {
  /** Checks that every size is positive. */
  public BatchSizes {
    if (clip < 1 || text < 1 || faces < 1 || ocr < 1) {
      throw new IllegalArgumentException("batch sizes must be at least 1: " + clip + ", " + text + ", " + faces
          + ", " + ocr);
    }
  }
}
