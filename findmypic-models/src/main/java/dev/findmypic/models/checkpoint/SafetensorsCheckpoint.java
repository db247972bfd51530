package dev.findmypic.models.checkpoint;

import dev.findmypic.core.ModelException;
import dev.findmypic.core.ModelFormatException;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Set;

/**
 * A safetensors file, memory-mapped one tensor at a time, so that files of any size (beyond 2 GiB too) open without
 * reading them into the heap. The header is validated in full when the file is opened. A tensor's data is unmapped
 * when it is released, or when the checkpoint closes.
 */
final class SafetensorsCheckpoint implements Checkpoint {
  private final Path file;
  private final FileChannel channel;
  private final SafetensorsHeader header;
  private final FileMappings mappings = new FileMappings();
  private volatile boolean closed;

  private SafetensorsCheckpoint(Path file, FileChannel channel, SafetensorsHeader header) {
    this.file = file;
    this.channel = channel;
    this.header = header;
  }

  /**
   * Opens and validates a safetensors file.
   *
   * @param file the file
   * @return the checkpoint, to be closed by the caller
   * @throws ModelFormatException if the header is malformed
   */
  static SafetensorsCheckpoint open(Path file) {
    try {
      FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
      try {
        return new SafetensorsCheckpoint(file, channel, SafetensorsHeader.read(file, channel));
      } catch (RuntimeException | IOException e) {
        channel.close();
        throw e;
      }
    } catch (IOException e) {
      throw new ModelFormatException(file + ": cannot read safetensors file: " + e.getMessage(), e);
    }
  }

  @Override
  public Path source() {
    return file;
  }

  @Override
  public Set<String> names() {
    return header.entries().keySet();
  }

  @Override
  public Tensor get(String name) {
    if (closed) {
      throw new IllegalStateException(file + " is closed");
    }
    SafetensorsHeader.Entry e = header.entries().get(name);
    if (e == null) {
      throw new ModelFormatException(file + ": no tensor named '" + name + "'");
    }
    int length = Tensors.bufferSize(file + ": tensor '" + name + "'", e.length());
    try {
      var data = mappings.map(channel, header.dataStart() + e.begin(), length);
      return new Tensor(name, e.type(), e.shape().clone(), data);
    } catch (IOException ex) {
      throw new ModelException(file + ": cannot map tensor '" + name + "': " + ex.getMessage(), ex);
    }
  }

  @Override
  public void release(Tensor tensor) {
    mappings.release(tensor.data());
  }

  @Override
  public void close() {
    closed = true;
    mappings.unmapAll();
    Checkpoints.closeQuietly(file, channel);
  }
}
