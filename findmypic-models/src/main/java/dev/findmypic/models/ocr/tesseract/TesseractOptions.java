package dev.findmypic.models.ocr.tesseract;

/**
 * Settings of a {@link TesseractEngine}.
 *
 * @param language the traineddata name(s), for example {@code eng} or {@code eng+deu}
 * @param pageSegMode Tesseract's page segmentation mode; {@link #SPARSE_TEXT} (11) by default, see
 *     {@link #defaults()}
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
   * English, sparse-text segmentation, lines under 0.5 confidence dropped, one instance per core. Sparse text suits
   * photos: it does not assume a page layout, so it finds scattered text (signs, labels, receipt columns) that
   * automatic segmentation merges into blocks or drops as images; on scanned pages it scores about the same as
   * automatic segmentation (see benchmarks/ocr/RESULTS.md).
   *
   * @return the defaults
   */
  public static TesseractOptions defaults() {
    return new TesseractOptions("eng", SPARSE_TEXT, 0.5f, Runtime.getRuntime().availableProcessors());
  }

  /** @return these options with another page segmentation mode */
  public TesseractOptions withPageSegMode(int mode) {
    return new TesseractOptions(language, mode, minConfidence, instances);
  }
}
