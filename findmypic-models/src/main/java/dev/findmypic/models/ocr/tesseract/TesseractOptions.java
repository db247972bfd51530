package dev.findmypic.models.ocr.tesseract;

/**
 * Settings of a {@link TesseractEngine}.
 *
 * @param language the traineddata name(s), for example {@code eng} or {@code eng+deu}
 * @param pageSegMode Tesseract's page segmentation mode; {@link #AUTO} (3) by default, see {@link #defaults()}
 * @param minConfidence lines whose mean word confidence (0 to 1) is lower are dropped
 * @param instances how many Tesseract instances may run at once (one per calling thread)
 */
public record TesseractOptions(String language, int pageSegMode, float minConfidence, int instances) {
  /** Fully automatic page segmentation without orientation detection: best for scanned pages. */
  public static final int AUTO = 3;
  /** Find as much text as possible in no particular order: suited to photos, signs and receipts. */
  public static final int SPARSE_TEXT = 11;

  /** Checks the values. */
  public TesseractOptions {
    if (!language.matches("[A-Za-z_]+(\\+[A-Za-z_]+)*")) {
      throw new IllegalArgumentException("language must be traineddata names joined by '+', got '" + language + "'");
    }
    if (pageSegMode < 0 || pageSegMode > 13) {
      throw new IllegalArgumentException("page segmentation mode must be 0 to 13, got " + pageSegMode);
    }
    if (instances < 1) {
      throw new IllegalArgumentException("instances must be at least 1, got " + instances);
    }
  }

  /**
   * English, automatic page segmentation, lines under 0.5 confidence dropped, one instance per core.
   *
   * <p>Why {@link #AUTO} and not {@link #SPARSE_TEXT}: both were measured on the shared OCR fixtures
   * (benchmarks/ocr/RESULTS.md). Sparse text finds a little more in street scenes and word crops, but there Tesseract
   * reads little either way (word recall 0.12 against 0.07; PP-OCR reaches 0.4) while the photos in a library that
   * hold searchable text are mostly receipts, screenshots and documents, where automatic segmentation keeps columns
   * and lines together and wins clearly (receipts 0.62 against 0.53, pages 0.68 against 0.55, screenshots 0.87
   * against 0.84). Orientation and script detection (mode 1) would need {@code osd.traineddata}.
   *
   * @return the defaults
   */
  public static TesseractOptions defaults() {
    return new TesseractOptions("eng", AUTO, 0.5f, Runtime.getRuntime().availableProcessors());
  }

  /** @return these options with another page segmentation mode */
  public TesseractOptions withPageSegMode(int mode) {
    return new TesseractOptions(language, mode, minConfidence, instances);
  }
}
