package dev.findmypic.models.checkpoint;

import java.io.Closeable;
import java.nio.ByteBuffer;

/** Where the bytes of a {@code torch.save} file's storages are: zip entries or the tail of a legacy file. */
interface TorchStorages extends Closeable {
  /**
   * Returns one storage's bytes.
   *
   * @param key the storage's key
   * @return its bytes, position 0, little-endian
   * @throws dev.findmypic.core.ModelFormatException if the file has no such storage
   */
  ByteBuffer bytes(String key);

  @Override
  void close();
}
