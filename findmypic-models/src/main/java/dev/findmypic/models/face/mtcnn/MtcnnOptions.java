package dev.findmypic.models.face.mtcnn;

/**
 * Settings of an {@link MtcnnDetector}, named and defaulted as facenet-pytorch's {@code MTCNN}.
 *
 * @param minFaceSize the smallest face, in pixels, the image pyramid looks for (facenet-pytorch: 20)
 * @param pnetThreshold the lowest P-Net face probability kept (0.6)
 * @param rnetThreshold the lowest R-Net face probability kept (0.7)
 * @param onetThreshold the lowest O-Net face probability kept (0.7)
 * @param factor the scale step between pyramid levels (0.709)
 */
public record MtcnnOptions(int minFaceSize, float pnetThreshold, float rnetThreshold, float onetThreshold,
    double factor) {
  /** Checks the ranges. */
  public MtcnnOptions {
    if (minFaceSize < 1) {
      throw new IllegalArgumentException("minFaceSize must be at least 1, got " + minFaceSize);
    }
    for (float t : new float[] {pnetThreshold, rnetThreshold, onetThreshold}) {
      if (!(t >= 0 && t < 1)) {
        throw new IllegalArgumentException("thresholds must be in [0, 1), got " + t);
      }
    }
    if (!(factor > 0 && factor < 1)) {
      throw new IllegalArgumentException("factor must be in (0, 1), got " + factor);
    }
  }

  /** @return facenet-pytorch's defaults: minimum face 20 px, thresholds 0.6, 0.7, 0.7, factor 0.709 */
  public static MtcnnOptions defaults() {
    return new MtcnnOptions(20, 0.6f, 0.7f, 0.7f, 0.709);
  }
}
