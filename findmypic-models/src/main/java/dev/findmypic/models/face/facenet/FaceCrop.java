package dev.findmypic.models.face.facenet;

import dev.findmypic.models.image.PillowResize;
/**
 * facenet-pytorch's face crop: {@code extract_face(img, box, image_size, margin)} (margin in output pixels, box
 * truncated and clamped to the picture, PIL bilinear resize) followed by {@code fixed_image_standardization}
 * ({@code (x - 127.5) / 128}), as planar RGB floats.
 */
final class FaceCrop {
  private FaceCrop() {}

  /**
   * The integer crop box of {@code extract_face}.
   *
   * @param x1 left, in picture pixels
   * @param y1 top
   * @param x2 right
   * @param y2 bottom
   * @param width the picture's width
   * @param height the picture's height
   * @param imageSize the output side
   * @param margin the margin in output pixels
   * @return left, top, right, bottom (exclusive)
   */
  static int[] cropBox(float x1, float y1, float x2, float y2, int width, int height, int imageSize, int margin) {
    double mx = margin * (double) (x2 - x1) / (imageSize - margin);
    double my = margin * (double) (y2 - y1) / (imageSize - margin);
    return new int[] {
        (int) Math.max(x1 - mx / 2, 0), (int) Math.max(y1 - my / 2, 0),
        (int) Math.min(x2 + mx / 2, width), (int) Math.min(y2 + my / 2, height)};
  }

  /**
   * Crops, resizes and standardises one face into {@code out}.
   *
   * @param rgb the picture's RGB bytes
   * @param width the picture's width
   * @param height the picture's height
   * @param box the crop box from {@link #cropBox}
   * @param imageSize the output side
   * @param out receives 3 planes of {@code imageSize * imageSize} floats
   * @param offset where the first plane starts
   */
  static void extract(byte[] rgb, int width, int height, int[] box, int imageSize, float[] out, int offset) {
    int w = Math.max(1, box[2] - box[0]);
    int h = Math.max(1, box[3] - box[1]);
    int x0 = Math.min(box[0], width - 1);
    int y0 = Math.min(box[1], height - 1);
    w = Math.min(w, width - x0);
    h = Math.min(h, height - y0);
    byte[] face = PillowResize.resizeCrop(
        rgb, 3, width, x0, y0, w, h, imageSize, imageSize, PillowResize.Filter.BILINEAR);
    int plane = imageSize * imageSize;
    for (int i = 0; i < plane; i++) {
      for (int c = 0; c < 3; c++) {
        out[offset + c * plane + i] = ((face[i * 3 + c] & 0xFF) - 127.5f) / 128.0f;
      }
    }
  }
}
