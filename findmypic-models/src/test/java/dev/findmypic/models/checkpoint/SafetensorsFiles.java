package dev.findmypic.models.checkpoint;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes safetensors files byte by byte for tests, with whatever header (valid or not) a test wants. */
final class SafetensorsFiles {
  private SafetensorsFiles() {}

  /** Writes {@code [u64 header length][header JSON][data]}. */
  static Path write(Path file, String headerJson, byte[] data) throws IOException {
    return write(file, headerJson.getBytes(StandardCharsets.UTF_8).length, headerJson, data);
  }

  /** Writes a file whose length field says {@code declaredLength}, whatever the header's real length. */
  static Path write(Path file, long declaredLength, String headerJson, byte[] data) throws IOException {
    byte[] json = headerJson.getBytes(StandardCharsets.UTF_8);
    ByteBuffer b = ByteBuffer.allocate(8 + json.length + data.length).order(ByteOrder.LITTLE_ENDIAN);
    b.putLong(declaredLength).put(json).put(data);
    return Files.write(file, b.array());
  }

  /** @return the little-endian bytes of some floats */
  static byte[] floats(float... values) {
    ByteBuffer b = ByteBuffer.allocate(4 * values.length).order(ByteOrder.LITTLE_ENDIAN);
    for (float v : values) {
      b.putFloat(v);
    }
    return b.array();
  }
}
