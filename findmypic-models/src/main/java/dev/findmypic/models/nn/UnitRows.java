package dev.findmypic.models.nn;

import dev.findmypic.core.Vectors;
import java.util.ArrayList;
import java.util.List;

/** Splits a row-major matrix of features into L2-normalised vectors, the form every embedder returns. */
public final class UnitRows {
  private UnitRows() {}

  /**
   * Splits and normalises.
   *
   * @param matrix {@code rows * dimension} values, row-major
   * @param dimension the length of one row
   * @return one unit vector per row (a zero row stays zero)
   */
  public static List<float[]> split(float[] matrix, int dimension) {
    if (matrix.length % dimension != 0) {
      throw new IllegalArgumentException(matrix.length + " values are not rows of " + dimension);
    }
    List<float[]> rows = new ArrayList<>(matrix.length / dimension);
    for (int start = 0; start < matrix.length; start += dimension) {
      rows.add(Vectors.normalizeInPlace(java.util.Arrays.copyOfRange(matrix, start, start + dimension)));
    }
    return rows;
  }
}
