package dev.findmypic.models.checkpoint;

import dev.findmypic.core.ModelFormatException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** Small shared arithmetic on tensor shapes and buffers. */
final class Tensors {
  private Tensors() {}

  /**
   * The product of the dimensions.
   *
   * @throws ArithmeticException if it overflows a long
   */
  static long elements(long[] shape) {
    long n = 1;
    for (long d : shape) {
      n = Math.multiplyExact(n, d);
    }
    return n;
  }

  /**
   * Checks that a tensor fits in one {@link ByteBuffer}.
   *
   * @param where the file and tensor, for the message
   * @param bytes its size
   * @return the size as an int
   */
  static int bufferSize(String where, long bytes) {
    if (bytes > Integer.MAX_VALUE) {
      throw new ModelFormatException(where + ": " + bytes + " bytes, more than the 2 GiB a single tensor buffer can hold");
    }
    return (int) bytes;
  }

  /** @return a view of {@code bytes} from position 0, read-only and little-endian */
  static ByteBuffer littleEndian(ByteBuffer bytes) {
    return bytes.slice().asReadOnlyBuffer().order(ByteOrder.LITTLE_ENDIAN);
  }
}
