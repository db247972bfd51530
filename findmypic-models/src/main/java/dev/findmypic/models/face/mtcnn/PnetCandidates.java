package dev.findmypic.models.face.mtcnn;

import java.util.ArrayList;
import java.util.List;

/** facenet-pytorch's {@code generateBoundingBox}: P-Net map cells above the threshold become 12-pixel boxes. */
final class PnetCandidates {
  private static final int STRIDE = 2;
  private static final int CELL = 12;

  private PnetCandidates() {}

  /**
   * Turns one pyramid level's P-Net output into candidates in picture pixels.
   *
   * @param reg [1,4,h,w] box regression
   * @param prob [1,2,h,w] softmax; channel 1 is the face probability
   * @param h map rows
   * @param w map columns
   * @param scale the level's scale, as float (torch divides by the scalar cast to float32)
   * @param threshold the lowest probability kept
   * @return the candidates, in row-major map order
   */
  static List<Candidate> generate(float[] reg, float[] prob, int h, int w, float scale, float threshold) {
    int plane = h * w;
    List<Candidate> out = new ArrayList<>();
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        int i = y * w + x;
        float p = prob[plane + i];
        if (p >= threshold) {
          float bx = x;
          float by = y;
          out.add(new Candidate(
              (float) Math.floor((STRIDE * bx + 1) / scale), (float) Math.floor((STRIDE * by + 1) / scale),
              (float) Math.floor((STRIDE * bx + CELL - 1 + 1) / scale),
              (float) Math.floor((STRIDE * by + CELL - 1 + 1) / scale),
              p, reg[i], reg[plane + i], reg[2 * plane + i], reg[3 * plane + i]));
        }
      }
    }
    return out;
  }
}
