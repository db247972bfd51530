package dev.findmypic.models.face.arcface;

/**
 * A 2-D similarity transform (rotation, uniform scale, translation) {@code u = a*x - b*y + tx, v = b*x + a*y + ty},
 * fitted by least squares (Umeyama without reflection, as scikit-image's {@code SimilarityTransform.estimate} that
 * insightface uses).
 *
 * @param a scale times cos(angle)
 * @param b scale times sin(angle)
 * @param tx x translation
 * @param ty y translation
 */
record SimilarityTransform(double a, double b, double tx, double ty) {
  /**
   * Fits the transform that maps {@code from} onto {@code to}.
   *
   * @param from source points, x and y interleaved
   * @param to destination points, as many
   * @return the best fit
   */
  static SimilarityTransform estimate(double[] from, double[] to) {
    int n = from.length / 2;
    double mx = 0;
    double my = 0;
    double mu = 0;
    double mv = 0;
    for (int i = 0; i < n; i++) {
      mx += from[2 * i];
      my += from[2 * i + 1];
      mu += to[2 * i];
      mv += to[2 * i + 1];
    }
    mx /= n;
    my /= n;
    mu /= n;
    mv /= n;
    double norm = 0;
    double dot = 0;
    double cross = 0;
    for (int i = 0; i < n; i++) {
      double x = from[2 * i] - mx;
      double y = from[2 * i + 1] - my;
      double u = to[2 * i] - mu;
      double v = to[2 * i + 1] - mv;
      norm += x * x + y * y;
      dot += x * u + y * v;
      cross += x * v - y * u;
    }
    if (norm == 0) {
      throw new IllegalArgumentException("landmarks coincide; cannot align the face");
    }
    double a = dot / norm;
    double b = cross / norm;
    return new SimilarityTransform(a, b, mu - (a * mx - b * my), mv - (b * mx + a * my));
  }

  /** @return the inverse transform */
  SimilarityTransform inverse() {
    double d = a * a + b * b;
    double ia = a / d;
    double ib = -b / d;
    return new SimilarityTransform(ia, ib, -(ia * tx - ib * ty), -(ib * tx + ia * ty));
  }

  /** @return x of the image of (x, y) */
  double x(double x, double y) {
    return a * x - b * y + tx;
  }

  /** @return y of the image of (x, y) */
  double y(double x, double y) {
    return b * x + a * y + ty;
  }
}
