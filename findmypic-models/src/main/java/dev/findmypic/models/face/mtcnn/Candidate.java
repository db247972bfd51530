package dev.findmypic.models.face.mtcnn;

/**
 * A face candidate between MTCNN's stages: corners in picture pixels (x2, y2 inclusive as MTCNN counts them), the
 * last stage's face probability and its box regression (offsets in units of the box size).
 *
 * @param x1 left
 * @param y1 top
 * @param x2 right
 * @param y2 bottom
 * @param score face probability
 * @param dx1 regression of the left edge
 * @param dy1 regression of the top edge
 * @param dx2 regression of the right edge
 * @param dy2 regression of the bottom edge
 */
record Candidate(float x1, float y1, float x2, float y2, float score, float dx1, float dy1, float dx2, float dy2) {
  /** Stage one's regression: offsets scaled by width and height without the +1 (facenet-pytorch's P-Net step). */
  Candidate regressUnpadded() {
    float w = x2 - x1;
    float h = y2 - y1;
    return new Candidate(x1 + dx1 * w, y1 + dy1 * h, x2 + dx2 * w, y2 + dy2 * h, score, 0, 0, 0, 0);
  }

  /** facenet-pytorch's {@code bbreg}: offsets scaled by {@code x2 - x1 + 1} and {@code y2 - y1 + 1}. */
  Candidate regress() {
    float w = x2 - x1 + 1;
    float h = y2 - y1 + 1;
    return new Candidate(x1 + dx1 * w, y1 + dy1 * h, x2 + dx2 * w, y2 + dy2 * h, score, 0, 0, 0, 0);
  }

  /** facenet-pytorch's {@code rerec}: the square on the longer side, with the same centre. */
  Candidate square() {
    float h = y2 - y1;
    float w = x2 - x1;
    float l = Math.max(w, h);
    float nx1 = x1 + w * 0.5f - l * 0.5f;
    float ny1 = y1 + h * 0.5f - l * 0.5f;
    return new Candidate(nx1, ny1, nx1 + l, ny1 + l, score, dx1, dy1, dx2, dy2);
  }

  /**
   * Replaces score and regression with the next stage's.
   *
   * @param newScore the probability
   * @param reg four offsets
   * @param at where they start in {@code reg}
   * @return the updated candidate
   */
  Candidate rescored(float newScore, float[] reg, int at) {
    return new Candidate(x1, y1, x2, y2, newScore, reg[at], reg[at + 1], reg[at + 2], reg[at + 3]);
  }
}
