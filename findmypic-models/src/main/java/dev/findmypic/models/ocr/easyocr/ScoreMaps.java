package dev.findmypic.models.ocr.easyocr;

/**
 * CRAFT's two output maps at half the input resolution, row-major.
 *
 * @param region the character region score of each cell
 * @param affinity the link (affinity) score between characters of each cell
 * @param width the number of columns
 * @param height the number of rows
 */
record ScoreMaps(float[] region, float[] affinity, int width, int height) {
  /** Checks the sizes. */
  ScoreMaps {
    if (region.length != width * height || affinity.length != width * height) {
      throw new IllegalArgumentException("maps must have " + width + "x" + height + " cells");
    }
  }
}
