package dev.findmypic.index.vectors;

import dev.findmypic.core.Vectors;
import java.util.Random;

/** Clustered random unit vectors, like embeddings of photos that fall into themes. */
final class SyntheticVectors {
  private SyntheticVectors() {}

  static float[][] clustered(int n, int dimension, int clusters, long seed) {
    Random random = new Random(seed);
    float[][] centres = new float[clusters][];
    for (int c = 0; c < clusters; c++) {
      centres[c] = gaussian(random, dimension, 1);
    }
    float[][] out = new float[n][];
    for (int i = 0; i < n; i++) {
      float[] v = gaussian(random, dimension, 0.6f);
      float[] centre = centres[random.nextInt(clusters)];
      for (int d = 0; d < dimension; d++) {
        v[d] += centre[d];
      }
      out[i] = Vectors.normalizeInPlace(v);
    }
    return out;
  }

  static float[] gaussian(Random random, int dimension, float scale) {
    float[] v = new float[dimension];
    for (int d = 0; d < dimension; d++) {
      v[d] = (float) random.nextGaussian() * scale;
    }
    return Vectors.normalizeInPlace(v);
  }
}
