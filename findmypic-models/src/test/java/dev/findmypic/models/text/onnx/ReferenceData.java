package dev.findmypic.models.text.onnx;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads {@code reference/minilm-q}: the texts and input ids of {@code cases.json}, and the F32
 * {@code sentence_embedding} of {@code expected.safetensors} made by onnxruntime in Python.
 */
final class ReferenceData {
  private ReferenceData() {}

  /** One reference text and the ids the Python tokenizer gave it. */
  record Case(String text, long[] inputIds) {}

  static List<Case> cases(Path file) throws IOException {
    JsonObject root = JsonParser.parseString(Files.readString(file)).getAsJsonObject();
    List<Case> cases = new ArrayList<>();
    for (JsonElement element : root.getAsJsonArray("cases")) {
      JsonObject c = element.getAsJsonObject();
      JsonArray ids = c.getAsJsonArray("input_ids");
      long[] inputIds = new long[ids.size()];
      for (int i = 0; i < inputIds.length; i++) {
        inputIds[i] = ids.get(i).getAsLong();
      }
      cases.add(new Case(c.get("text").getAsString(), inputIds));
    }
    return cases;
  }

  /** Reads a 2-D F32 tensor from a safetensors file as rows. */
  static float[][] f32Matrix(Path file, String name) throws IOException {
    byte[] bytes = Files.readAllBytes(file);
    ByteBuffer buffer = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
    int headerLength = Math.toIntExact(buffer.getLong(0));
    JsonObject header = JsonParser.parseString(new String(bytes, 8, headerLength, StandardCharsets.UTF_8))
        .getAsJsonObject();
    JsonObject entry = header.getAsJsonObject(name);
    if (!"F32".equals(entry.get("dtype").getAsString())) {
      throw new IllegalStateException(name + " in " + file + " is not F32");
    }
    JsonArray shape = entry.getAsJsonArray("shape");
    int rows = shape.get(0).getAsInt();
    int columns = shape.get(1).getAsInt();
    int offset = 8 + headerLength + entry.getAsJsonArray("data_offsets").get(0).getAsInt();
    float[][] matrix = new float[rows][columns];
    for (int r = 0; r < rows; r++) {
      for (int c = 0; c < columns; c++) {
        matrix[r][c] = buffer.getFloat(offset + 4 * (r * columns + c));
      }
    }
    return matrix;
  }
}
