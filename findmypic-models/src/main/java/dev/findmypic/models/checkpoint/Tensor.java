package dev.findmypic.models.checkpoint;

import java.nio.ByteBuffer;

/**
 * One named tensor read from a checkpoint file. The data is little-endian, row-major and contiguous; it may be a view
 * of a memory-mapped file, valid while the {@link Checkpoint} it came from is open.
 *
 * @param name the name as the checkpoint has it, for example {@code vision_model.embeddings.patch_embedding.weight}
 * @param type the element type
 * @param shape the dimensions
 * @param data exactly {@code elements * type.bytes()} bytes, position 0, little-endian
 */
public record Tensor(String name, TensorType type, long[] shape, ByteBuffer data) {
  /** @return the number of elements, the product of the shape */
  public long elements() {
    long n = 1;
    for (long d : shape) {
      n *= d;
    }
    return n;
  }
}
