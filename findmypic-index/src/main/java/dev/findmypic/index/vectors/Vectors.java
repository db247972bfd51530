package dev.findmypic.index.vectors;

/** The inner loop of every exact scan. */
final class Vectors {
  private Vectors() {}

  static float dot(float[] q, float[] data, int offset) {
    float s0 = 0;
    float s1 = 0;
    float s2 = 0;
    float s3 = 0;
    int n = q.length;
    int i = 0;
    for (; i + 3 < n; i += 4) {
      s0 += q[i] * data[offset + i];
      s1 += q[i + 1] * data[offset + i + 1];
      s2 += q[i + 2] * data[offset + i + 2];
      s3 += q[i + 3] * data[offset + i + 3];
    }
    for (; i < n; i++) {
      s0 += q[i] * data[offset + i];
    }
    return (s0 + s1) + (s2 + s3);
  }

  static void checkDimension(float[] v, int dimension) {
    if (v.length != dimension) {
      throw new IllegalArgumentException("expected a vector of " + dimension + " elements, got " + v.length);
    }
  }
}
