package dev.findmypic.models.ocr.easyocr;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.findmypic.core.testing.SharedData;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Map;

/** The tensors of {@code reference/easyocr/reference.safetensors}, read as float or long arrays. */
final class ReferenceTensors {
  private static ReferenceTensors instance;
  private final ByteBuffer data;
  private final JsonObject header;

  private ReferenceTensors(ByteBuffer data, JsonObject header) {
    this.data = data;
    this.header = header;
  }

  /** @return the reference, read once */
  static synchronized ReferenceTensors load() {
    if (instance == null) {
      try {
        byte[] bytes = Files.readAllBytes(SharedData.path("reference/easyocr/reference.safetensors"));
        ByteBuffer buf = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        int n = (int) buf.getLong(0);
        JsonObject header = JsonParser.parseString(new String(bytes, 8, n, StandardCharsets.UTF_8)).getAsJsonObject();
        buf.position(8 + n);
        instance = new ReferenceTensors(buf.slice().order(ByteOrder.LITTLE_ENDIAN), header);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return instance;
  }

  /** @return the shape of a tensor */
  long[] shape(String name) {
    var dims = header.getAsJsonObject(name).getAsJsonArray("shape");
    long[] shape = new long[dims.size()];
    for (int i = 0; i < shape.length; i++) {
      shape[i] = dims.get(i).getAsLong();
    }
    return shape;
  }

  private ByteBuffer bytes(String name) {
    JsonObject t = header.getAsJsonObject(name);
    var off = t.getAsJsonArray("data_offsets");
    ByteBuffer b = data.duplicate().order(ByteOrder.LITTLE_ENDIAN);
    b.position(off.get(0).getAsInt()).limit(off.get(1).getAsInt());
    return b.slice().order(ByteOrder.LITTLE_ENDIAN);
  }

  /** @return an F32 tensor's values */
  float[] floats(String name) {
    ByteBuffer b = bytes(name);
    float[] out = new float[b.remaining() / 4];
    b.asFloatBuffer().get(out);
    return out;
  }

  /** @return an I64 tensor's values */
  long[] longs(String name) {
    ByteBuffer b = bytes(name);
    long[] out = new long[b.remaining() / 8];
    b.asLongBuffer().get(out);
    return out;
  }

  /** @return a U8 tensor's values */
  byte[] bytesOf(String name) {
    ByteBuffer b = bytes(name);
    byte[] out = new byte[b.remaining()];
    b.get(out);
    return out;
  }

  /** @return the names in the file */
  Iterable<Map.Entry<String, JsonElement>> entries() {
    return header.entrySet();
  }

  /**
   * The largest absolute difference between two arrays of equal length.
   *
   * @param expected the reference
   * @param actual the values under test
   * @return the maximum absolute difference
   */
  static double maxAbsDiff(float[] expected, float[] actual) {
    if (expected.length != actual.length) {
      throw new AssertionError("length " + actual.length + " != expected " + expected.length);
    }
    double max = 0;
    for (int i = 0; i < expected.length; i++) {
      max = Math.max(max, Math.abs((double) expected[i] - actual[i]));
    }
    return max;
  }
}
