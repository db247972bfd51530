package dev.findmypic.models.checkpoint;

import dev.findmypic.core.ModelFormatException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * A {@code torch.save} state dict, zip or legacy: the tensors found by the restricted unpickler, materialised as
 * contiguous little-endian buffers on demand (views of the memory-mapped storage where the layout allows).
 */
final class TorchCheckpoint implements Checkpoint {
  private static final String[] NESTED_STATE_DICT_KEYS = {"state_dict", "model_state_dict"};

  private final Path file;
  private final Map<String, PickledTensor> tensors;
  private final TorchStorages storages;

  private TorchCheckpoint(Path file, Map<String, PickledTensor> tensors, TorchStorages storages) {
    this.file = file;
    this.tensors = tensors;
    this.storages = storages;
  }

  /** Opens a zip-format {@code torch.save} file (PyTorch 1.6 and later). */
  static TorchCheckpoint openZip(Path file) {
    ZipTorchStorages zip = ZipTorchStorages.open(file);
    try {
      return new TorchCheckpoint(file, stateDict(file, zip.unpickle().value()), zip);
    } catch (RuntimeException e) {
      zip.close();
      throw e;
    }
  }

  /** Opens a legacy (before PyTorch 1.6) {@code torch.save} file. */
  static TorchCheckpoint openLegacy(Path file) {
    LegacyTorchFile legacy = LegacyTorchFile.open(file);
    try {
      return new TorchCheckpoint(file, stateDict(file, legacy.value()), legacy.storages());
    } catch (RuntimeException e) {
      legacy.storages().close();
      throw e;
    }
  }

  /**
   * Finds the state dict in an unpickled object: the object itself, or a dict under {@code state_dict} or
   * {@code model_state_dict} (training checkpoints). Entries that are not tensors are left out.
   */
  static Map<String, PickledTensor> stateDict(Path file, Object root) {
    if (!(root instanceof Map<?, ?> map)) {
      throw new ModelFormatException(file + ": the pickled object is not a state dict but "
          + (root == null ? "None" : root.getClass().getSimpleName()));
    }
    for (String key : NESTED_STATE_DICT_KEYS) {
      if (map.get(key) instanceof Map<?, ?> nested) {
        return stateDict(file, nested);
      }
    }
    Map<String, PickledTensor> tensors = new LinkedHashMap<>();
    map.forEach((k, v) -> {
      if (k instanceof String name && v instanceof PickledTensor t) {
        tensors.put(name, t);
      }
    });
    if (tensors.isEmpty()) {
      throw new ModelFormatException(file + ": the state dict holds no tensors");
    }
    return Collections.unmodifiableMap(tensors);
  }

  @Override
  public Path source() {
    return file;
  }

  @Override
  public Set<String> names() {
    return tensors.keySet();
  }

  @Override
  public Tensor get(String name) {
    PickledTensor t = tensors.get(name);
    if (t == null) {
      throw new ModelFormatException(file + ": no tensor named '" + name + "'");
    }
    String where = file + ": tensor '" + name + "'";
    ByteBuffer storage = storages.bytes(t.storage().key());
    return new Tensor(name, t.storage().type(), t.size().clone(), contiguous(where, t, storage));
  }

  /** Returns the tensor's elements in row-major order: a view if they already are, else a copy. */
  static ByteBuffer contiguous(String where, PickledTensor t, ByteBuffer storage) {
    int es = t.storage().type().bytes();
    long[] size = t.size();
    long[] stride = t.stride();
    if (size.length != stride.length) {
      throw new ModelFormatException(where + ": size " + Arrays.toString(size) + " and stride "
          + Arrays.toString(stride) + " differ in rank");
    }
    long storageElements = storage.remaining() / es;
    long elements;
    long last;
    long offset;
    try {
      elements = Tensors.elements(size);
      offset = Math.addExact(t.offset(), t.storage().elementOffset());
      last = offset;
      for (int d = 0; d < size.length; d++) {
        if (size[d] > 0) {
          last = Math.addExact(last, Math.multiplyExact(size[d] - 1, stride[d]));
        }
      }
    } catch (ArithmeticException e) {
      throw new ModelFormatException(where + ": size or stride out of range", e);
    }
    if (elements == 0) {
      return ByteBuffer.allocate(0).order(ByteOrder.LITTLE_ENDIAN);
    }
    if (last >= storageElements) {
      throw new ModelFormatException(where + ": reaches element " + last + " of a storage of " + storageElements);
    }
    int bytes = Tensors.bufferSize(where, elements * es);
    if (isRowMajor(size, stride)) {
      return Tensors.littleEndian(storage.slice((int) (offset * es), bytes));
    }
    return gather(storage, offset, size, stride, es, bytes);
  }

  private static boolean isRowMajor(long[] size, long[] stride) {
    long expected = 1;
    for (int d = size.length - 1; d >= 0; d--) {
      if (size[d] != 1 && stride[d] != expected) {
        return false;
      }
      expected *= size[d];
    }
    return true;
  }

  private static ByteBuffer gather(ByteBuffer storage, long offset, long[] size, long[] stride, int es, int bytes) {
    ByteBuffer out = ByteBuffer.allocate(bytes);
    long[] index = new long[size.length];
    long source = offset;
    for (int written = 0; written < bytes; written += es) {
      out.put(storage.slice((int) (source * es), es));
      for (int d = size.length - 1; d >= 0; d--) {
        index[d]++;
        source += stride[d];
        if (index[d] < size[d]) {
          break;
        }
        source -= stride[d] * size[d];
        index[d] = 0;
      }
    }
    return out.flip().asReadOnlyBuffer().order(ByteOrder.LITTLE_ENDIAN);
  }

  @Override
  public void close() {
    storages.close();
  }
}
