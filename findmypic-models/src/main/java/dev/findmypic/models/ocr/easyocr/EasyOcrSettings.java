package dev.findmypic.models.ocr.easyocr;

/**
 * The parameters of EasyOCR's {@code readtext}, with EasyOCR's defaults from {@link #defaults()}.
 *
 * @param canvasSize the longest side the detector sees; larger pictures are scaled down
 * @param magRatio magnification of the picture before detection
 * @param textThreshold minimum peak region score of a word
 * @param lowText region score above which a cell belongs to a character
 * @param linkThreshold link score above which a cell joins two characters
 * @param slopeThreshold largest slope of a box still treated as horizontal
 * @param yCenterThreshold fraction of the line height within which word centres share a line
 * @param heightThreshold fraction of the line height within which word heights may differ to merge
 * @param widthThreshold gap between words, as a fraction of the height, below which they merge
 * @param addMargin margin added around each line, as a fraction of its smaller side
 * @param minSize lines whose larger side is at most this many pixels are dropped
 * @param contrastThreshold crops read with lower confidence are read again with more contrast
 * @param adjustContrast the contrast target of that second reading
 */
public record EasyOcrSettings(
    int canvasSize,
    float magRatio,
    float textThreshold,
    float lowText,
    float linkThreshold,
    double slopeThreshold,
    double yCenterThreshold,
    double heightThreshold,
    double widthThreshold,
    double addMargin,
    int minSize,
    double contrastThreshold,
    double adjustContrast) {

  /** @return EasyOCR's defaults for {@code readtext} */
  public static EasyOcrSettings defaults() {
    return new EasyOcrSettings(2560, 1f, 0.7f, 0.4f, 0.4f, 0.1, 0.5, 0.5, 0.5, 0.1, 20, 0.1, 0.5);
  }
}
