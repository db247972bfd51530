package dev.findmypic.models.checkpoint;

import dev.findmypic.core.ModelFormatException;
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
 * A checkpoint whose tensors follow the rule of {@code reference/DETERMINISTIC_WEIGHTS.md}: every value is a hash of
 * the tensor's name and flat index, so the reference's weights (InceptionResnetV1, EasyOCR's CRAFT and recogniser) are
 * regenerated here with no weight file.
 */
public final class DeterministicWeights implements Checkpoint {
  private final Path keys;
  private final String prefix;
  private final Map<String, long[]> shapes;
  private final Map<String, Tensor> cache = new LinkedHashMap<>();

  private DeterministicWeights(Path keys, String prefix, Map<String, long[]> shapes) {
    this.keys = keys;
    this.prefix = prefix;
    this.shapes = shapes;
  }

  /**
   * Reads a key list ({@code name<TAB>dtype<TAB>[shape]} per line), names as they are.
   *
   * @param keys the list, for example {@code reference/facenet-mtcnn/state_dict_keys.txt}
   * @return the checkpoint
   */
  public static DeterministicWeights fromKeys(Path keys) {
    return fromKeys(keys, "");
  }

  /**
   * Reads a key list ({@code name<TAB>dtype<TAB>[shape]} per line).
   *
   * @param keys the list, for example {@code reference/easyocr/craft_state_dict_keys.txt}
   * @param prefix put before every name, for example {@code module.} to imitate a DataParallel checkpoint
   * @return the checkpoint
   */
  public static DeterministicWeights fromKeys(Path keys, String prefix) {
    Map<String, long[]> shapes = new LinkedHashMap<>();
    try {
      for (String line : Files.readAllLines(keys, StandardCharsets.UTF_8)) {
        if (line.isBlank()) {
          continue;
        }
        String[] parts = line.split("\t");
        String dims = parts[2].replaceAll("[\\[\\] ]", "");
        long[] shape = dims.isEmpty() ? new long[0] : Arrays.stream(dims.split(",")).mapToLong(Long::parseLong).toArray();
        shapes.put(prefix + parts[0], shape);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new DeterministicWeights(keys, prefix, shapes);
  }

  /**
   * The uniform hash of the rule.
   *
   * @param name the tensor's name
   * @param k the flat index
   * @return u in [0, 1)
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
   * A deterministic input: {@code 2u - 1} for each element.
   *
   * @param name the input's name, for example {@code easyocr.craft.input}
   * @param n the element count
   * @return the values
   */
  public static float[] input(String name, int n) {
    float[] x = new float[n];
    for (int k = 0; k < n; k++) {
      x[k] = (float) (2 * u(name, k) - 1);
    }
    return x;
  }

  private Tensor make(String key) {
    long[] shape = shapes.get(key);
    if (shape == null) {
      throw new ModelFormatException("no tensor '" + key + "' in " + keys);
    }
    // the values hash the state_dict name, without the prefix
    String name = key.substring(prefix.length());
    if (name.endsWith("num_batches_tracked")) {
      ByteBuffer data = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
      return new Tensor(key, TensorType.I64, shape, data);
    }
    long n = Arrays.stream(shape).reduce(1, (a, b) -> a * b);
    String last = name.substring(name.lastIndexOf('.') + 1);
    String module = name.substring(0, name.length() - last.length());
    boolean bnWeight = shape.length == 1 && last.equals("weight")
        && shapes.containsKey(this.prefix + module + "running_var");
    double bound = shape.length >= 2 ? Math.sqrt(3.0 / (n / shape[0])) : 0;
    ByteBuffer data = ByteBuffer.allocate((int) n * 4).order(ByteOrder.LITTLE_ENDIAN);
    for (long k = 0; k < n; k++) {
      double u = u(name, k);
      double v;
      if (name.endsWith("running_var")) {
        v = 1 + 0.5 * u;
      } else if (name.endsWith("running_mean")) {
        v = 0.2 * (u - 0.5);
      } else if (bnWeight) {
        v = 1 + 0.2 * (u - 0.5);
      } else if (shape.length == 1) {
        v = 0.2 * (u - 0.5);
      } else {
        v = (2 * u - 1) * bound;
      }
      data.putFloat((float) v);
    }
    data.flip();
    return new Tensor(key, TensorType.F32, shape, data);
  }

  @Override
  public Path source() {
    return keys;
  }

  @Override
  public Set<String> names() {
    return shapes.keySet();
  }

  @Override
  public synchronized Tensor get(String name) {
    Tensor t = cache.computeIfAbsent(name, this::make);
    return new Tensor(t.name(), t.type(), t.shape(), t.data().duplicate().order(ByteOrder.LITTLE_ENDIAN));
  }

  @Override
  public void close() {}
}
