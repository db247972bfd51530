package dev.findmypic.models.face.yunet;

/**
 * Settings of a {@link YuNetDetector}.
 *
 * @param scoreThreshold the lowest face score kept, in (0, 1); OpenCV Zoo's demo uses 0.9
 * @param nmsThreshold the IoU above which the lower-scoring of two overlapping boxes is dropped, in (0, 1)
 * @param topK how many candidates at most enter non-maximum suppression
 * @param maxSide the longest side, in pixels, the network sees; larger pictures are shrunk first (INTER_AREA), which
 *     bounds the cost of 12 MP photos at the price of faces smaller than about {@code 10 * longSide / maxSide} pixels
 * @param minSide the shortest side the network sees; smaller pictures (thumbnails under 40 px) are enlarged first
 */
public record YuNetOptions(float scoreThreshold, float nmsThreshold, int topK, int maxSide, int minSide) {
  /** Checks the ranges. */
  public YuNetOptions {
    if (!(scoreThreshold > 0 && scoreThreshold < 1)) {
      throw new IllegalArgumentException("scoreThreshold must be in (0, 1), got " + scoreThreshold);
    }
    if (!(nmsThreshold > 0 && nmsThreshold < 1)) {
      throw new IllegalArgumentException("nmsThreshold must be in (0, 1), got " + nmsThreshold);
    }
    if (topK < 1) {
      throw new IllegalArgumentException("topK must be at least 1, got " + topK);
    }
    if (minSide < 1 || maxSide < minSide) {
      throw new IllegalArgumentException("need 1 <= minSide <= maxSide, got " + minSide + " and " + maxSide);
    }
  }

  /**
   * Score 0.6 (every photo of the face fixtures counted exactly at 0.5 and 0.6; OpenCV Zoo's demo uses 0.9, which missed 3 of 144 faces), NMS 0.3, top 5000, with pictures scaled to a long side of at most 1280 px
   * and a short side of at least 64 px.
   *
   * @return the defaults
   */
  public static YuNetOptions defaults() {
    return new YuNetOptions(0.6f, 0.3f, 5000, 1280, 64);
  }

  /**
   * Returns a copy with another score threshold.
   *
   * @param threshold the lowest face score kept
   * @return the new options
   */
  public YuNetOptions withScoreThreshold(float threshold) {
    return new YuNetOptions(threshold, nmsThreshold, topK, maxSide, minSide);
  }

  /**
   * Returns a copy with another longest network side.
   *
   * @param side the longest side the network sees
   * @return the new options
   */
  public YuNetOptions withMaxSide(int side) {
    return new YuNetOptions(scoreThreshold, nmsThreshold, topK, side, minSide);
  }
}
