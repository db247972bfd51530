package dev.findmypic.models.face.align;

/**
 * A similarity transform from chip coordinates {@code (u, v)} to image coordinates {@code (x, y)}:
 * {@code x = a*u - b*v + tx}, {@code y = b*u + a*v + ty} (rotation, uniform scale and translation). Coordinates follow
 * dlib's convention: the centre of pixel (column i, row j) is at (i, j).
 *
 * @param a scale times the cosine of the rotation
 * @param b scale times the sine of the rotation
 * @param tx translation in x
 * @param ty translation in y
 */
public record ChipTransform(double a, double b, double tx, double ty) {
  /** @return the image pixels per chip pixel */
  public double scale() {
    return Math.sqrt(a * a + b * b);
  }

  /**
   * Maps a chip point to the image.
   *
   * @param u chip column
   * @param v chip row
   * @return the image x
   */
  public double imageX(double u, double v) {
    return a * u - b * v + tx;
  }

  /**
   * Maps a chip point to the image.
   *
   * @param u chip column
   * @param v chip row
   * @return the image y
   */
  public double imageY(double u, double v) {
    return b * u + a * v + ty;
  }
}
