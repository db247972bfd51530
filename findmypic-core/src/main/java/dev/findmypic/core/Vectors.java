package dev.findmypic.core;

/** Small helpers for the unit vectors that embedders produce. */
public final class Vectors {
  private Vectors() {}

  /**
   * Dot product.
   *
   * @param a a vector
   * @param b a vector of the same length
   * @return the sum of the element-wise products; the cosine similarity of two unit vectors
   */
  public static float dot(float[] a, float[] b) {
    checkSameLength(a, b);
    float sum = 0;
    for (int i = 0; i < a.length; i++) {
      sum += a[i] * b[i];
    }
    return sum;
  }

  /**
   * Euclidean distance.
   *
   * @param a a vector
   * @param b a vector of the same length
   * @return the L2 norm of {@code a - b}
   */
  public static double euclidean(float[] a, float[] b) {
    checkSameLength(a, b);
    double sum = 0;
    for (int i = 0; i < a.length; i++) {
      double d = a[i] - b[i];
      sum += d * d;
    }
    return Math.sqrt(sum);
  }

  /**
   * Scales a vector to unit length in place. A zero vector stays zero.
   *
   * @param v the vector
   * @return {@code v}
   */
  public static float[] normalizeInPlace(float[] v) {
    double sum = 0;
    for (float x : v) {
      sum += (double) x * x;
    }
    if (sum > 0) {
      float inv = (float) (1 / Math.sqrt(sum));
      for (int i = 0; i < v.length; i++) {
        v[i] *= inv;
      }
    }
    return v;
  }

  private static void checkSameLength(float[] a, float[] b) {
    if (a.length != b.length) {
      throw new IllegalArgumentException("vector lengths differ: " + a.length + " and " + b.length);
    }
  }
}
