package dev.findmypic.models.checkpoint;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import dev.findmypic.core.ModelFormatException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The validated header of a safetensors file: an 8-byte little-endian length, then that many bytes of UTF-8 JSON
 * mapping each tensor name to its dtype, shape and {@code [begin, end)} offsets in the data that follows.
 *
 * @param dataStart the file offset at which the data section begins
 * @param entries the tensors, by name, in file order
 */
record SafetensorsHeader(long dataStart, Map<String, Entry> entries) {
  /** The largest header accepted: real headers are a few hundred kilobytes even for the largest models. */
  static final long MAX_HEADER_BYTES = 100L << 20;

  /**
   * Where one tensor lies.
   *
   * @param name the tensor's name
   * @param type the element type
   * @param shape the dimensions
   * @param begin the first byte, relative to the data section
   * @param end one past the last byte, relative to the data section
   */
  record Entry(String name, TensorType type, long[] shape, long begin, long end) {
    long length() {
      return end - begin;
    }
  }

  /**
   * Reads and validates the header of a safetensors file, allocating nothing before the length is known to be sane.
   *
   * @param file the file, for messages
   * @param channel the open file
   * @return the header
   * @throws ModelFormatException naming the file and what is wrong with it
   * @throws IOException if the file cannot be read
   */
  static SafetensorsHeader read(Path file, FileChannel channel) throws IOException {
    long fileSize = channel.size();
    if (fileSize < 8) {
      throw new ModelFormatException(file + ": not a safetensors file: " + fileSize + " bytes, shorter than the 8-byte header length");
    }
    ByteBuffer lengthBytes = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
    readFully(channel, lengthBytes, 0);
    long headerLength = lengthBytes.getLong(0);
    if (headerLength < 2 || headerLength > fileSize - 8 || headerLength > MAX_HEADER_BYTES) {
      throw new ModelFormatException(file + ": corrupt safetensors file: header length " + Long.toUnsignedString(headerLength)
          + " is impossible for a file of " + fileSize + " bytes (at most " + MAX_HEADER_BYTES + " accepted); the file is"
          + " truncated or not safetensors");
    }
    ByteBuffer json = ByteBuffer.allocate((int) headerLength);
    readFully(channel, json, 8);
    long dataStart = 8 + headerLength;
    Map<String, Entry> entries = parse(file, decodeUtf8(file, json), fileSize - dataStart);
    return new SafetensorsHeader(dataStart, Collections.unmodifiableMap(entries));
  }

  private static String decodeUtf8(Path file, ByteBuffer json) {
    try {
      return StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(json.flip())
          .toString();
    } catch (CharacterCodingException e) {
      throw new ModelFormatException(file + ": corrupt safetensors header: not UTF-8", e);
    }
  }

  private static Map<String, Entry> parse(Path file, String json, long dataLength) {
    JsonObject root;
    try {
      JsonElement parsed = JsonParser.parseString(json);
      if (!parsed.isJsonObject()) {
        throw new ModelFormatException(file + ": corrupt safetensors header: JSON is not an object");
      }
      root = parsed.getAsJsonObject();
    } catch (JsonParseException e) {
      throw new ModelFormatException(file + ": corrupt safetensors header: invalid JSON (" + e.getMessage() + ")", e);
    }
    Map<String, Entry> entries = new LinkedHashMap<>();
    for (Map.Entry<String, JsonElement> e : root.entrySet()) {
      if (!e.getKey().equals("__metadata__")) {
        entries.put(e.getKey(), entry(file, e.getKey(), e.getValue(), dataLength));
      }
    }
    checkNoOverlap(file, entries.values());
    return entries;
  }

  private static Entry entry(Path file, String name, JsonElement value, long dataLength) {
    String where = file + ": tensor '" + name + "'";
    if (!value.isJsonObject()) {
      throw new ModelFormatException(where + ": header entry is not an object");
    }
    JsonObject o = value.getAsJsonObject();
    TensorType type = dtype(where, o.get("dtype"));
    long[] shape = longs(where, "shape", o.get("shape"));
    long[] offsets = longs(where, "data_offsets", o.get("data_offsets"));
    if (offsets.length != 2 || offsets[0] > offsets[1]) {
      throw new ModelFormatException(where + ": data_offsets must be [begin, end] with begin <= end");
    }
    if (offsets[1] > dataLength) {
      throw new ModelFormatException(where + ": data_offsets " + offsets[1] + " point past the end of the data ("
          + dataLength + " bytes); the file is truncated or corrupt");
    }
    long expected;
    try {
      expected = Math.multiplyExact(Tensors.elements(shape), type.bytes());
    } catch (ArithmeticException ex) {
      throw new ModelFormatException(where + ": shape is too large", ex);
    }
    if (expected != offsets[1] - offsets[0]) {
      throw new ModelFormatException(where + ": " + type + " × " + java.util.Arrays.toString(shape) + " needs " + expected
          + " bytes but data_offsets span " + (offsets[1] - offsets[0]));
    }
    return new Entry(name, type, shape, offsets[0], offsets[1]);
  }

  private static TensorType dtype(String where, JsonElement e) {
    if (e == null || !e.isJsonPrimitive() || !e.getAsJsonPrimitive().isString()) {
      throw new ModelFormatException(where + ": missing dtype");
    }
    String name = e.getAsString();
    for (TensorType t : TensorType.values()) {
      if (t.name().equals(name)) {
        return t;
      }
    }
    throw new ModelFormatException(where + ": unsupported dtype " + name);
  }

  private static long[] longs(String where, String field, JsonElement e) {
    if (e == null || !e.isJsonArray()) {
      throw new ModelFormatException(where + ": missing " + field);
    }
    JsonArray array = e.getAsJsonArray();
    long[] values = new long[array.size()];
    for (int i = 0; i < values.length; i++) {
      JsonElement v = array.get(i);
      if (!v.isJsonPrimitive() || !((JsonPrimitive) v).isNumber()) {
        throw new ModelFormatException(where + ": " + field + " holds a non-number");
      }
      try {
        values[i] = v.getAsBigDecimal().longValueExact();
      } catch (ArithmeticException ex) {
        throw new ModelFormatException(where + ": " + field + " holds " + v + ", not a 64-bit integer", ex);
      }
      if (values[i] < 0) {
        throw new ModelFormatException(where + ": " + field + " holds a negative value " + values[i]);
      }
    }
    return values;
  }

  private static void checkNoOverlap(Path file, Iterable<Entry> entries) {
    List<Entry> sorted = new ArrayList<>();
    entries.forEach(sorted::add);
    sorted.sort(Comparator.comparingLong(Entry::begin).thenComparingLong(Entry::end));
    Entry previous = null;
    for (Entry e : sorted) {
      if (previous != null && e.begin() < previous.end() && e.length() > 0) {
        throw new ModelFormatException(file + ": corrupt safetensors header: tensors '" + previous.name() + "' and '"
            + e.name() + "' overlap");
      }
      if (e.length() > 0) {
        previous = e;
      }
    }
  }

  private static void readFully(FileChannel channel, ByteBuffer buffer, long position) throws IOException {
    long at = position;
    while (buffer.hasRemaining()) {
      int n = channel.read(buffer, at);
      if (n < 0) {
        throw new IOException("unexpected end of file at " + at);
      }
      at += n;
    }
  }
}
