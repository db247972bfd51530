package dev.findmypic.index.catalogue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** Vectors as little-endian float32 BLOBs. */
public final class Blobs {
  private Blobs() {}

  /**
   * Encodes a vector.
   *
   * @param v the vector
   * @return {@code 4 * v.length} bytes
   */
  public static byte[] of(float[] v) {
    ByteBuffer b = ByteBuffer.allocate(v.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
    b.asFloatBuffer().put(v);
    return b.array();
  }

  /**
   * Decodes a vector.
   *
   * @param bytes a BLOB written by {@link #of(float[])}
   * @return the vector
   * @throws IllegalArgumentException if the length is not a multiple of 4
   */
  public static float[] toVector(byte[] bytes) {
    if (bytes.length % Float.BYTES != 0) {
      throw new IllegalArgumentException("a vector BLOB must have a multiple of 4 bytes, got " + bytes.length);
    }
    float[] v = new float[bytes.length / Float.BYTES];
    ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(v);
    return v;
  }
}
