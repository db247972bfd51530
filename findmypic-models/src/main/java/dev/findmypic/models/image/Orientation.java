package dev.findmypic.models.image;

import org.opencv.core.Core;
import org.opencv.core.Mat;

/** Applies an EXIF orientation (1 to 8) to pixels, making them upright, as Pillow's {@code exif_transpose} does. */
final class Orientation {
  private Orientation() {}

  /** @return true if the orientation swaps width and height */
  static boolean swapsAxes(int orientation) {
    return orientation >= 5 && orientation <= 8;
  }

  /**
   * Makes the pixels upright.
   *
   * @param image the stored pixels; released if a new matrix is returned
   * @param orientation the EXIF orientation tag
   * @return the upright pixels (possibly {@code image} itself)
   */
  static Mat apply(Mat image, int orientation) {
    if (orientation <= 1 || orientation > 8) {
      return image;
    }
    Mat out = new Mat();
    switch (orientation) {
      case 2 -> Core.flip(image, out, 1);
      case 3 -> Core.rotate(image, out, Core.ROTATE_180);
      case 4 -> Core.flip(image, out, 0);
      case 5 -> Core.transpose(image, out);
      case 6 -> Core.rotate(image, out, Core.ROTATE_90_CLOCKWISE);
      case 7 -> {
        Core.transpose(image, out);
        Core.rotate(out, out, Core.ROTATE_180);
      }
      default -> Core.rotate(image, out, Core.ROTATE_90_COUNTERCLOCKWISE);
    }
    image.release();
    return out;
  }
}
