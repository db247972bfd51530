package dev.findmypic.models.face.mtcnn;

/**
 * Torch's {@code interpolate(mode="area")} (adaptive average pooling), which facenet-pytorch's {@code imresample} uses
 * for the image pyramid and for the 24 and 48 pixel patches, read straight from RGB bytes into planar floats.
 *
 * <p>Output pixel {@code o} of {@code n} averages input pixels {@code floor(o*in/n)} to {@code ceil((o+1)*in/n) - 1},
 * the sum in float over rows then columns, divided by the window height and then its width, as torch's CPU kernel
 * does, so the results are bit-identical for 8-bit inputs.
 */
final class AreaResize {
  private AreaResize() {}

  /**
   * Resizes a region of an RGB image into planar R, G, B floats (values 0 to 255).
   *
   * @param rgb the image, 3 bytes a pixel, row by row
   * @param imageWidth the image's width in pixels
   * @param x0 the region's first column
   * @param y0 the region's first row
   * @param width the region's width, at least 1
   * @param height the region's height, at least 1
   * @param outHeight output rows
   * @param outWidth output columns
   * @param out receives 3 planes of {@code outHeight * outWidth} floats
   * @param offset where in {@code out} the first plane starts
   */
  static void resize(byte[] rgb, int imageWidth, int x0, int y0, int width, int height, int outHeight, int outWidth,
      float[] out, int offset) {
    int plane = outHeight * outWidth;
    for (int oh = 0; oh < outHeight; oh++) {
      int ih0 = start(oh, outHeight, height);
      int kh = end(oh, outHeight, height) - ih0;
      for (int ow = 0; ow < outWidth; ow++) {
        int iw0 = start(ow, outWidth, width);
        int kw = end(ow, outWidth, width) - iw0;
        float r = 0;
        float g = 0;
        float b = 0;
        for (int ih = ih0; ih < ih0 + kh; ih++) {
          int p = ((y0 + ih) * imageWidth + x0 + iw0) * 3;
          for (int iw = 0; iw < kw; iw++, p += 3) {
            r += rgb[p] & 0xFF;
            g += rgb[p + 1] & 0xFF;
            b += rgb[p + 2] & 0xFF;
          }
        }
        int o = offset + oh * outWidth + ow;
        out[o] = r / kh / kw;
        out[o + plane] = g / kh / kw;
        out[o + 2 * plane] = b / kh / kw;
      }
    }
  }

  private static int start(int a, int outSize, int inSize) {
    return (int) Math.floor((float) (a * (long) inSize) / outSize);
  }

  private static int end(int a, int outSize, int inSize) {
    return (int) Math.ceil((float) ((a + 1) * (long) inSize) / outSize);
  }

  /**
   * Applies MTCNN's input normalisation {@code (x - 127.5) * 0.0078125} in place, in float as facenet-pytorch does.
   *
   * @param values the values
   * @param from the first index
   * @param to one past the last index
   */
  static void normalize(float[] values, int from, int to) {
    for (int i = from; i < to; i++) {
      values[i] = (values[i] - 127.5f) * 0.0078125f;
    }
  }
}
