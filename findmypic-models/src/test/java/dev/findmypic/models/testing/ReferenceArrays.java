package dev.findmypic.models.testing;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Reads a reference-output safetensors file (F32 and I64 only) with DJL's own decoder, independent of the project's
 * checkpoint readers, so that expected values never pass through the code under test.
 */
public final class ReferenceArrays {
  private final Map<String, NDArray> arrays = new HashMap<>();
  private final Path file;

  private ReferenceArrays(Path file) {
    this.file = file;
  }

  /**
   * Reads every array of a file.
   *
   * @param manager owns the arrays
   * @param file the safetensors file
   * @return the arrays by name
   */
  public static ReferenceArrays read(NDManager manager, Path file) throws IOException {
    ReferenceArrays result = new ReferenceArrays(file);
    try (InputStream in = Files.newInputStream(file)) {
      for (NDArray a : NDList.decode(manager, in)) {
        result.arrays.put(a.getName(), a);
      }
    }
    return result;
  }

  /**
   * Returns an array.
   *
   * @param name its name in the file
   * @return the array
   */
  public NDArray get(String name) {
    NDArray a = arrays.get(name);
    if (a == null) {
      throw new AssertionError(file + " has no array " + name + "; it has " + arrays.keySet());
    }
    return a;
  }

  /**
   * Returns an array's values as floats.
   *
   * @param name its name in the file
   * @return the values, row-major
   */
  public float[] floats(String name) {
    return get(name).toType(ai.djl.ndarray.types.DataType.FLOAT32, false).toFloatArray();
  }

  /**
   * Returns an array's values as longs.
   *
   * @param name its name in the file
   * @return the values, row-major
   */
  public long[] longs(String name) {
    return get(name).toLongArray();
  }

  /** @return the names */
  public java.util.Set<String> names() {
    return arrays.keySet();
  }

  /**
   * The largest absolute difference between two arrays of equal length.
   *
   * @param expected the reference
   * @param actual the values under test
   * @return max |expected - actual|
   */
  public static double maxAbsDiff(float[] expected, float[] actual) {
    if (expected.length != actual.length) {
      throw new AssertionError("lengths differ: expected " + expected.length + ", got " + actual.length);
    }
    double max = 0;
    for (int i = 0; i < expected.length; i++) {
      double d = Math.abs((double) expected[i] - actual[i]);
      if (Double.isNaN(d)) {
        return Double.NaN;
      }
      max = Math.max(max, d);
    }
    return max;
  }
}
