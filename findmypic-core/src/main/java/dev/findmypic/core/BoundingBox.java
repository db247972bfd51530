package dev.findmypic.core;

/**
 * An axis-aligned rectangle in the pixels of the upright image.
 *
 * @param x left edge
 * @param y top edge
 * @param width width, not negative
 * @param height height, not negative
 */
public record BoundingBox(float x, float y, float width, float height) {
  /** Checks that the size is not negative. */
  public BoundingBox {
    if (!(width >= 0 && height >= 0)) {
      throw new IllegalArgumentException("box size must not be negative: " + width + "x" + height);
    }
  }

  /**
   * Creates a box from two corners.
   *
   * @param x1 left
   * @param y1 top
   * @param x2 right
   * @param y2 bottom
   * @return the box
   */
  public static BoundingBox ofCorners(float x1, float y1, float x2, float y2) {
    return new BoundingBox(x1, y1, x2 - x1, y2 - y1);
  }

  /** @return the right edge */
  public float right() {
    return x + width;
  }

  /** @return the bottom edge */
  public float bottom() {
    return y + height;
  }

  /** @return the area in square pixels */
  public float area() {
    return width * height;
  }

  /**
   * The area this box shares with another.
   *
   * @param other the other box
   * @return the area of the intersection in square pixels, 0 when the boxes do not overlap
   */
  public float intersectionArea(BoundingBox other) {
    float w = Math.min(right(), other.right()) - Math.max(x, other.x);
    float h = Math.min(bottom(), other.bottom()) - Math.max(y, other.y);
    return w <= 0 || h <= 0 ? 0 : w * h;
  }
}
