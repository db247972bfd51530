package dev.findmypic.models.face.facenet;

import dev.findmypic.core.ModelFormatException;
import dev.findmypic.models.checkpoint.Checkpoint;
import dev.findmypic.models.checkpoint.Tensor;
import dev.findmypic.models.checkpoint.TensorType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The weights of {@code reference/DETERMINISTIC_WEIGHTS.md}, regenerated from tensor names and shapes, as a
 * {@link Checkpoint}: the reference outputs were computed by facenet-pytorch with exactly these values.
 */
final class DeterministicWeights implements Checkpoint {
  private final Path source;
  private final Map<String, long[]> shapes;

  private DeterministicWeights(Path source, Map<String, long[]> shapes) {
    this.source = source;
    this.shapes = shapes;
  }

  /**
   * Reads a key list ({@code name<TAB>dtype<TAB>[d0, d1]} per line).
   *
   * @param keys the file
   * @return the checkpoint
   */
  static DeterministicWeights fromKeyList(Path keys) {
    Map<String, long[]> shapes = new LinkedHashMap<>();
    try {
      for (String line : Files.readAllLines(keys)) {
        String[] cells = line.split("\t");
        String dims = cells[2].replaceAll("[\\[\\] ]", "");
        shapes.put(cells[0], dims.isEmpty() ? new long[0]
            : Arrays.stream(dims.split(",")).mapToLong(Long::parseLong).toArray());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new DeterministicWeights(keys, shapes);
  }

  /**
   * The hash value u(name, k) in [0, 1).
   *
   * @param name the tensor name
   * @param k the flat index
   * @return u
   */
  static double u(String name, long k) {
    int seed = 0x811C9DC5;
    for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
      seed = (seed ^ (b & 0xFF)) * 0x01000193;
    }
    int h = (int) k * 0x9E3779B1 + seed;
    h ^= h >>> 15;
    h *= 0x85EBCA77;
    h ^= h >>> 13;
    return Integer.toUnsignedLong(h) / 4294967296.0;
  }

  /**
   * A deterministic input: {@code 2u - 1} in row-major order.
   *
   * @param name the input's name, for example {@code input.0}
   * @param n the element count
   * @return the values
   */
  static float[] input(String name, int n) {
    float[] out = new float[n];
    for (int k = 0; k < n; k++) {
      out[k] = (float) (2 * u(name, k) - 1);
    }
    return out;
  }

  static float value(String name, long[] shape, Set<String> names, long k) {
    double u = u(name, k);
    if (name.endsWith("running_var")) {
      return (float) (1 + 0.5 * u);
    }
    if (name.endsWith("running_mean")) {
      return (float) (0.2 * (u - 0.5));
    }
    if (shape.length == 1) {
      String prefix = name.substring(0, name.lastIndexOf('.') + 1);
      boolean bnWeight = name.endsWith(".weight") && names.contains(prefix + "running_var");
      return (float) (bnWeight ? 1 + 0.2 * (u - 0.5) : 0.2 * (u - 0.5));
    }
    long n = 1;
    for (long d : shape) {
      n *= d;
    }
    double fanIn = (double) n / shape[0];
    return (float) ((2 * u - 1) * Math.sqrt(3 / fanIn));
  }

  @Override
  public Path source() {
    return source;
  }

  @Override
  public Set<String> names() {
    return shapes.keySet();
  }

  @Override
  public Tensor get(String name) {
    long[] shape = shapes.get(name);
    if (shape == null) {
      throw new ModelFormatException(source + ": no tensor " + name);
    }
    if (name.endsWith("num_batches_tracked")) {
      return new Tensor(name, TensorType.I64, shape, ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN));
    }
    long n = 1;
    for (long d : shape) {
      n *= d;
    }
    ByteBuffer data = ByteBuffer.allocate((int) n * 4).order(ByteOrder.LITTLE_ENDIAN);
    for (long k = 0; k < n; k++) {
      data.putFloat(value(name, shape, shapes.keySet(), k));
    }
    data.flip();
    return new Tensor(name, TensorType.F32, shape, data);
  }

  @Override
  public void close() {}
}
