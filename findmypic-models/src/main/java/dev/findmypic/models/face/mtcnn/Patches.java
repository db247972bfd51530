package dev.findmypic.models.face.mtcnn;

import java.util.ArrayList;
import java.util.List;

/**
 * The square patches R-Net and O-Net look at: facenet-pytorch's {@code pad} (truncate, clamp to the picture) and
 * {@code imresample} of {@code img[y-1:ey, x-1:ex]}, normalised.
 *
 * @param boxes the candidates that gave a patch, in order
 * @param pixels the patches, [N,3,size,size] row-major
 */
record Patches(List<Candidate> boxes, float[] pixels) {
  /**
   * Cuts and resizes one patch per candidate; a candidate whose clamped region is empty is left out.
   *
   * @param rgb the picture, 3 bytes a pixel
   * @param w the picture's width
   * @param h the picture's height
   * @param candidates the boxes
   * @param size 24 or 48
   * @return the patches
   */
  static Patches cut(byte[] rgb, int w, int h, List<Candidate> candidates, int size) {
    List<Candidate> kept = new ArrayList<>(candidates.size());
    List<int[]> regions = new ArrayList<>(candidates.size());
    for (Candidate c : candidates) {
      int x = Math.max((int) c.x1(), 1);
      int y = Math.max((int) c.y1(), 1);
      int ex = Math.min((int) c.x2(), w);
      int ey = Math.min((int) c.y2(), h);
      if (ey > y - 1 && ex > x - 1) {
        kept.add(c);
        regions.add(new int[] {x - 1, y - 1, ex - x + 1, ey - y + 1});
      }
    }
    int per = 3 * size * size;
    float[] pixels = new float[kept.size() * per];
    for (int i = 0; i < regions.size(); i++) {
      int[] r = regions.get(i);
      AreaResize.resize(rgb, w, r[0], r[1], r[2], r[3], size, size, pixels, i * per);
    }
    AreaResize.normalize(pixels, 0, pixels.length);
    return new Patches(kept, pixels);
  }
}
