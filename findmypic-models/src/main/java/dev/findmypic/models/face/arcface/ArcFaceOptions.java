package dev.findmypic.models.face.arcface;

/**
 * How an ArcFace-style ONNX model wants its 112×112 input: {@code (value - mean) / std} per channel, in RGB or BGR
 * order, NCHW.
 *
 * @param mean subtracted from every 0..255 value
 * @param std divides the result
 * @param bgr true to feed channels as B, G, R
 */
public record ArcFaceOptions(float mean, float std, boolean bgr) {
  /** Checks the divisor. */
  public ArcFaceOptions {
    if (!(std > 0)) {
      throw new IllegalArgumentException("std must be positive, got " + std);
    }
  }

  /** @return insightface's ArcFace models: RGB, {@code (x - 127.5) / 127.5} */
  public static ArcFaceOptions insightface() {
    return new ArcFaceOptions(127.5f, 127.5f, false);
  }

  /**
   * OpenCV Zoo's SFace: RGB, raw 0..255 values. OpenCV's {@code FaceRecognizerSF.feature} turns its BGR crop into the
   * network's input with {@code blobFromImage(crop, 1, 112x112, 0, swapRB=true)}, so the network sees R, G, B
   * ({@code SFaceEmbedderTest} checks this against OpenCV itself). {@link dev.findmypic.models.face.sface} runs SFace
   * through OpenCV directly.
   *
   * @return the options
   */
  public static ArcFaceOptions sface() {
    return new ArcFaceOptions(0f, 1f, false);
  }
}
