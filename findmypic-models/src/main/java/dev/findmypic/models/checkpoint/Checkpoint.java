package dev.findmypic.models.checkpoint;

import java.nio.file.Path;
import java.util.Set;

/**
 * The tensors of a model checkpoint, by name. Opened with {@link Checkpoints#open(Path)}; closing it releases any
 * memory-mapped file, after which its tensors' data must not be read.
 */
public interface Checkpoint extends AutoCloseable {
  /** @return the file (or index file, for a sharded checkpoint) this was read from */
  Path source();

  /** @return every tensor name */
  Set<String> names();

  /**
   * Returns a tensor.
   *
   * @param name its name
   * @return the tensor
   * @throws dev.findmypic.core.ModelFormatException naming the file and the tensor if it is absent
   */
  Tensor get(String name);

  /**
   * Says that a tensor's data will not be read again, so that memory mapped for it may be released now rather than
   * when the checkpoint closes. A tensor that did not come from this checkpoint is ignored.
   *
   * @param tensor a tensor from {@link #get}, whose data must not be read afterwards
   */
  default void release(Tensor tensor) {}

  @Override
  void close();
}
