package dev.findmypic.models.ocr.ppocr;

/**
 * Settings of a {@link PpOcrEngine}; {@link #defaults()} are PaddleOCR's own for PP-OCRv4, and serve PP-OCRv5 too:
 * PaddleOCR and RapidOCR run v5's detector and recogniser with the same pre- and post-processing as v4's (DB with
 * the same thresholds, lines at height 48 in batches of 6); the models differ in their files and dictionary only.
 *
 * @param detectionLimit the longest side, in pixels, that the detector sees (larger images are scaled down for
 *     detection only; recognition crops come from the full image)
 * @param minConfidence lines whose recognition confidence is lower are dropped (PaddleOCR's {@code drop_score})
 * @param angleClassifier true to run the 180-degree classifier on every line
 * @param splitWords true to restore the spaces between words that the Chinese+English recogniser leaves out
 * @param threads ONNX Runtime intra-op threads per inference
 */
public record PpOcrOptions(int detectionLimit, float minConfidence, boolean angleClassifier, boolean splitWords,
    int threads) {
  /** Checks the values. */
  public PpOcrOptions {
    if (detectionLimit < 32) {
      throw new IllegalArgumentException("detectionLimit must be at least 32, got " + detectionLimit);
    }
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be at least 1, got " + threads);
    }
  }

  /** @return limit 960, confidence 0.5, angle classifier on, word splitting on, one thread per core */
  public static PpOcrOptions defaults() {
    return new PpOcrOptions(960, 0.5f, true, true, Runtime.getRuntime().availableProcessors());
  }

  /** @return these options with another thread count */
  public PpOcrOptions withThreads(int n) {
    return new PpOcrOptions(detectionLimit, minConfidence, angleClassifier, splitWords, n);
  }

  /** @return these options with word splitting switched on or off */
  public PpOcrOptions withSplitWords(boolean on) {
    return new PpOcrOptions(detectionLimit, minConfidence, angleClassifier, on, threads);
  }
}
