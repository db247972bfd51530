package dev.findmypic.models.checkpoint;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import dev.findmypic.core.ModelException;
import dev.findmypic.core.ModelFormatException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * TensorFlow.js weights: a {@code *weights_manifest.json} naming the tensors (name, shape, dtype, optional
 * quantization) of one or more groups, each stored in order in the group's {@code .bin} files. Quantised tensors are
 * decoded exactly as {@code tf.io.decodeWeights} does: a float32 from {@code uint8}/{@code uint16} is
 * {@code (float) (q * scale + min)} computed in double, an int32 is {@code Math.round} of the same; {@code float16}
 * is widened. Every size is checked against the manifest before anything is allocated.
 */
public final class TfjsWeights implements Checkpoint {
  private static final long MAX_MANIFEST_BYTES = 16L << 20;

  private final Path manifest;
  private final Map<String, Tensor> tensors;

  private TfjsWeights(Path manifest, Map<String, Tensor> tensors) {
    this.manifest = manifest;
    this.tensors = tensors;
  }

  /**
   * Reads and decodes all weights of a manifest.
   *
   * @param manifest the {@code *weights_manifest.json}; its {@code paths} are resolved beside it
   * @return the weights, as F32 or I32 tensors in TF.js layout (convolution filters are HWIO)
   * @throws ModelFormatException if the manifest is malformed, or the binary files are shorter or longer than it says
   *     (truncated or tampered)
   * @throws ModelException if a file cannot be read
   */
  public static TfjsWeights open(Path manifest) {
    JsonArray groups = parseManifest(manifest);
    Map<String, Tensor> tensors = new LinkedHashMap<>();
    for (JsonElement g : groups) {
      if (!g.isJsonObject()) {
        throw new ModelFormatException(manifest + ": manifest group is not an object");
      }
      List<Spec> specs = specs(manifest, g.getAsJsonObject().get("weights"));
      ByteBuffer data = readGroup(manifest, g.getAsJsonObject().get("paths"), specs);
      for (Spec spec : specs) {
        ByteBuffer bytes = data.slice(data.position(), (int) spec.byteLength()).order(ByteOrder.LITTLE_ENDIAN);
        data.position(data.position() + (int) spec.byteLength());
        if (tensors.put(spec.name(), spec.decode(bytes)) != null) {
          throw new ModelFormatException(manifest + ": tensor '" + spec.name() + "' appears twice");
        }
      }
    }
    return new TfjsWeights(manifest, Collections.unmodifiableMap(tensors));
  }

  private static JsonArray parseManifest(Path manifest) {
    try {
      if (Files.size(manifest) > MAX_MANIFEST_BYTES) {
        throw new ModelFormatException(manifest + ": weights manifest larger than " + MAX_MANIFEST_BYTES + " bytes");
      }
      JsonElement root = JsonParser.parseString(Files.readString(manifest));
      if (!root.isJsonArray()) {
        throw new ModelFormatException(manifest + ": a TF.js weights manifest is a JSON array of groups");
      }
      return root.getAsJsonArray();
    } catch (JsonParseException e) {
      throw new ModelFormatException(manifest + ": weights manifest is not valid JSON: " + e.getMessage(), e);
    } catch (IOException e) {
      throw new ModelException(manifest + ": cannot read weights manifest: " + e.getMessage(), e);
    }
  }

  private static List<Spec> specs(Path manifest, JsonElement weights) {
    if (weights == null || !weights.isJsonArray()) {
      throw new ModelFormatException(manifest + ": manifest group has no 'weights' array");
    }
    List<Spec> specs = new ArrayList<>();
    for (JsonElement w : weights.getAsJsonArray()) {
      try {
        specs.add(Spec.parse(manifest, w));
      } catch (NumberFormatException | IllegalStateException | UnsupportedOperationException e) {
        // Gson's getAs* on a field of the wrong JSON type or an out-of-range number
        throw new ModelFormatException(manifest + ": malformed weight entry " + w + ": " + e.getMessage(), e);
      }
    }
    return specs;
  }

  /** Reads a group's files, which together must hold exactly the bytes its specs need. */
  private static ByteBuffer readGroup(Path manifest, JsonElement paths, List<Spec> specs) {
    if (paths == null || !paths.isJsonArray()) {
      throw new ModelFormatException(manifest + ": manifest group has no 'paths' array");
    }
    long expected = 0;
    for (Spec spec : specs) {
      expected = Math.addExact(expected, spec.byteLength());
    }
    Path dir = manifest.toAbsolutePath().getParent();
    List<Path> files = new ArrayList<>();
    long actual = 0;
    try {
      for (JsonElement p : paths.getAsJsonArray()) {
        Path file = dir.resolve(p.getAsString()).normalize();
        if (!dir.equals(file.getParent())) {
          throw new ModelFormatException(manifest + ": weight file '" + p.getAsString() + "' is not beside the manifest");
        }
        files.add(file);
        actual += Files.size(file);
      }
      if (actual != expected) {
        throw new ModelFormatException(manifest + ": the weight files " + files + " hold " + actual
            + " bytes but the manifest's tensors need " + expected + "; the files are truncated, tampered with or"
            + " belong to another model");
      }
      ByteBuffer data = ByteBuffer.allocate(Tensors.bufferSize(manifest + ": weight group", expected));
      for (Path file : files) {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
          while (ch.read(data) > 0) {
            // read on until the file ends
          }
        }
      }
      if (data.hasRemaining()) {
        throw new ModelFormatException(manifest + ": weight files changed while being read");
      }
      return data.flip();
    } catch (IOException e) {
      throw new ModelException(manifest + ": cannot read weight files: " + e.getMessage(), e);
    } catch (IllegalStateException | UnsupportedOperationException e) {
      throw new ModelFormatException(manifest + ": 'paths' must list file names", e);
    }
  }

  @Override
  public Path source() {
    return manifest;
  }

  @Override
  public Set<String> names() {
    return tensors.keySet();
  }

  @Override
  public Tensor get(String name) {
    Tensor t = tensors.get(name);
    if (t == null) {
      throw new ModelFormatException(manifest + ": no tensor named '" + name + "'");
    }
    return new Tensor(t.name(), t.type(), t.shape().clone(), t.data().duplicate().order(ByteOrder.LITTLE_ENDIAN));
  }

  /** Nothing to release: the weights were decoded into the heap when opened. */
  @Override
  public void close() {
    // decoded into heap buffers; nothing is mapped or open
  }

  /** One manifest entry. */
  private record Spec(Path manifest, String name, long[] shape, String dtype, String quantDtype, double scale,
      double min) {
    static Spec parse(Path manifest, JsonElement element) {
      if (!element.isJsonObject()) {
        throw new ModelFormatException(manifest + ": weight entry is not an object");
      }
      JsonObject o = element.getAsJsonObject();
      String name = string(manifest, o, "name", "?");
      String dtype = string(manifest, o, "dtype", name);
      if (!dtype.equals("float32") && !dtype.equals("int32")) {
        throw new ModelFormatException(manifest + ": tensor '" + name + "' has unsupported dtype " + dtype);
      }
      JsonElement shapeJson = o.get("shape");
      if (shapeJson == null || !shapeJson.isJsonArray()) {
        throw new ModelFormatException(manifest + ": tensor '" + name + "' has no shape");
      }
      long[] shape = new long[shapeJson.getAsJsonArray().size()];
      for (int i = 0; i < shape.length; i++) {
        shape[i] = shapeJson.getAsJsonArray().get(i).getAsLong();
        if (shape[i] < 0) {
          throw new ModelFormatException(manifest + ": tensor '" + name + "' has a negative dimension");
        }
      }
      JsonElement q = o.get("quantization");
      if (q == null) {
        return new Spec(manifest, name, shape, dtype, null, 1, 0);
      }
      JsonObject quant = q.getAsJsonObject();
      String quantDtype = string(manifest, quant, "dtype", name);
      switch (quantDtype) {
        case "uint8", "uint16" -> {
          if (!quant.has("scale") || !quant.has("min")) {
            throw new ModelFormatException(manifest + ": tensor '" + name + "' is quantised without scale and min");
          }
          return new Spec(manifest, name, shape, dtype, quantDtype, quant.get("scale").getAsDouble(),
              quant.get("min").getAsDouble());
        }
        case "float16" -> {
          if (!dtype.equals("float32")) {
            throw new ModelFormatException(manifest + ": tensor '" + name + "': float16 quantisation of " + dtype);
          }
          return new Spec(manifest, name, shape, dtype, quantDtype, 1, 0);
        }
        default -> throw new ModelFormatException(manifest + ": tensor '" + name + "' has unknown quantisation "
            + quantDtype);
      }
    }

    private static String string(Path manifest, JsonObject o, String field, String tensor) {
      JsonElement e = o.get(field);
      if (e == null || !e.isJsonPrimitive()) {
        throw new ModelFormatException(manifest + ": tensor '" + tensor + "' has no " + field);
      }
      return e.getAsString();
    }

    long elements() {
      try {
        return Tensors.elements(shape);
      } catch (ArithmeticException e) {
        throw new ModelFormatException(manifest + ": tensor '" + name + "' is impossibly large", e);
      }
    }

    long byteLength() {
      int width = quantDtype == null ? 4 : quantDtype.equals("uint8") ? 1 : 2;
      long n = elements();
      if (n > Integer.MAX_VALUE / 4) {
        throw new ModelFormatException(manifest + ": tensor '" + name + "' is impossibly large");
      }
      return n * width;
    }

    Tensor decode(ByteBuffer bytes) {
      int n = (int) elements();
      TensorType type = dtype.equals("float32") ? TensorType.F32 : TensorType.I32;
      if (quantDtype == null) {
        return new Tensor(name, type, shape, bytes.asReadOnlyBuffer().order(ByteOrder.LITTLE_ENDIAN));
      }
      ByteBuffer out = ByteBuffer.allocate(4 * n).order(ByteOrder.LITTLE_ENDIAN);
      for (int i = 0; i < n; i++) {
        switch (quantDtype) {
          case "uint8" -> put(out, type, bytes.get(i) & 0xFF);
          case "uint16" -> put(out, type, bytes.getShort(2 * i) & 0xFFFF);
          default -> out.putFloat(HalfFloats.toFloat(bytes.getShort(2 * i)));
        }
      }
      return new Tensor(name, type, shape, out.flip().asReadOnlyBuffer().order(ByteOrder.LITTLE_ENDIAN));
    }

    private void put(ByteBuffer out, TensorType type, int q) {
      double value = q * scale + min;
      if (type == TensorType.F32) {
        out.putFloat((float) value);
      } else {
        out.putInt((int) Math.round(value));
      }
    }
  }
}
