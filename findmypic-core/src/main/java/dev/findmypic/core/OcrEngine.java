package dev.findmypic.core;

/**
 * Reads the text in a picture.
 *
 * <p>Contract: lines come in reading order with polygons in the pixels of the full-size upright image; a picture
 * without text gives {@link OcrResult#EMPTY}. Implementations are thread-safe; the caller that opened the engine
 * closes it.
 */
public interface OcrEngine extends AutoCloseable {
  /** @return which OCR model this is */
  ModelInfo info();

  /**
   * Reads the text in a picture.
   *
   * @param picture the picture, ideally decoded at full size
   * @return the lines found
   * @throws InferenceException if the engine fails
   */
  OcrResult read(Picture picture);

  /** Frees the models. Idempotent. */
  @Override
  void close();
}
