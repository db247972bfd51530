package dev.findmypic.models.checkpoint;

import dev.findmypic.core.ModelException;
import dev.findmypic.core.ModelFormatException;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The legacy {@code torch.save} format (before PyTorch 1.6): five pickles in a row (the magic number, the protocol
 * version 1001, a sys-info dict, the object, the sorted list of storage keys), then each storage in key order as an
 * 8-byte little-endian element count followed by its raw bytes. Storages are memory-mapped where they lie.
 *
 * @param value the unpickled object
 * @param storages the storages' bytes
 */
record LegacyTorchFile(Object value, TorchStorages storages) {
  private static final BigInteger MAGIC = new BigInteger("1950a86a20f9469cfc6c", 16);
  private static final long PROTOCOL_VERSION = 1001;

  static LegacyTorchFile open(Path file) {
    FileChannel channel;
    try {
      channel = FileChannel.open(file, StandardOpenOption.READ);
    } catch (IOException e) {
      throw new ModelException(file + ": cannot read: " + e.getMessage(), e);
    }
    try {
      CountingInput in = new CountingInput(Channels.newInputStream(channel), 0, channel.size());
      Object magic = TorchUnpickler.load(file, in).value();
      boolean integral = magic instanceof Integer || magic instanceof Long || magic instanceof BigInteger;
      if (!integral || !MAGIC.equals(new BigInteger(magic.toString()))) {
        throw new ModelFormatException(file + ": not a torch.save file (magic number " + magic + ")");
      }
      Object protocol = TorchUnpickler.load(file, in).value();
      if (!(protocol instanceof Number p) || p.longValue() != PROTOCOL_VERSION) {
        throw new ModelFormatException(file + ": unsupported legacy torch.save protocol " + protocol);
      }
      checkSysInfo(file, TorchUnpickler.load(file, in).value());
      TorchUnpickler.Result object = TorchUnpickler.load(file, in);
      Object keys = TorchUnpickler.load(file, in).value();
      Map<String, ByteBuffer> data = locate(file, channel, in.position(), keys, object.storageTypes());
      return new LegacyTorchFile(object.value(), new Storages(file, channel, data));
    } catch (IOException | RuntimeException e) {
      Checkpoints.closeQuietly(file, channel);
      if (e instanceof RuntimeException r) {
        throw r;
      }
      throw new ModelFormatException(file + ": cannot read: " + e.getMessage(), e);
    }
  }

  private static void checkSysInfo(Path file, Object sysInfo) {
    if (!(sysInfo instanceof Map<?, ?> info) || !Boolean.TRUE.equals(info.get("little_endian"))) {
      throw new ModelFormatException(file + ": legacy torch.save file is not little-endian, or its sys info is missing");
    }
  }

  /** Walks the storages after the pickles, checking each against the file's size, and maps them. */
  private static Map<String, ByteBuffer> locate(
      Path file, FileChannel channel, long start, Object keys, Map<String, TensorType> types) throws IOException {
    if (!(keys instanceof List<?> list)) {
      throw new ModelFormatException(file + ": the storage key list is missing");
    }
    long fileSize = channel.size();
    long at = start;
    Map<String, ByteBuffer> data = new HashMap<>();
    ByteBuffer count = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
    for (Object k : list) {
      String key = String.valueOf(k);
      TensorType type = types.get(key);
      if (type == null) {
        throw new ModelFormatException(file + ": storage " + key + " is listed but never named by the pickle");
      }
      count.clear();
      if (at + 8 > fileSize || channel.read(count, at) != 8) {
        throw new ModelFormatException(file + ": truncated at storage " + key);
      }
      long elements = count.getLong(0);
      long bytes = elements < 0 || elements > fileSize ? -1 : elements * type.bytes();
      if (bytes < 0 || at + 8 + bytes > fileSize) {
        throw new ModelFormatException(file + ": storage " + key + " of " + Long.toUnsignedString(elements)
            + " elements runs past the end of the file; the file is truncated or corrupt");
      }
      int size = Tensors.bufferSize(file + ": storage " + key, bytes);
      data.put(key, channel.map(FileChannel.MapMode.READ_ONLY, at + 8, size));
      at += 8 + bytes;
    }
    return data;
  }

  private record Storages(Path file, FileChannel channel, Map<String, ByteBuffer> data) implements TorchStorages {
    @Override
    public ByteBuffer bytes(String key) {
      ByteBuffer b = data.get(key);
      if (b == null) {
        throw new ModelFormatException(file + ": storage " + key + " is not in the file");
      }
      return Tensors.littleEndian(b);
    }

    @Override
    public void close() {
      Checkpoints.closeQuietly(file, channel);
    }
  }
}
