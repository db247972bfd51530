package dev.findmypic.models.checkpoint;

import dev.findmypic.core.ModelFormatException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.razorvine.pickle.IObjectConstructor;
import net.razorvine.pickle.Opcodes;
import net.razorvine.pickle.PickleException;
import net.razorvine.pickle.PickleUtils;
import net.razorvine.pickle.Unpickler;

/**
 * An unpickler for {@code torch.save} state dicts that knows a fixed list of globals: tensor and parameter rebuilders,
 * the typed storage classes and {@code collections.OrderedDict}. Every other global, and the opcodes that would look
 * one up by name ({@code INST}, extension codes), is refused with a {@link ModelFormatException} naming the file and
 * the global. Nothing is instantiated or called beyond building these plain Java values; lengths read from the stream
 * are checked against the bytes left before anything is allocated.
 */
final class TorchUnpickler extends Unpickler {
  /** The storage classes and the element types they hold. */
  static final Map<String, TensorType> STORAGE_TYPES = Map.of(
      "FloatStorage", TensorType.F32,
      "HalfStorage", TensorType.F16,
      "BFloat16Storage", TensorType.BF16,
      "DoubleStorage", TensorType.F64,
      "LongStorage", TensorType.I64,
      "IntStorage", TensorType.I32,
      "ShortStorage", TensorType.I16,
      "CharStorage", TensorType.I8,
      "ByteStorage", TensorType.U8,
      "BoolStorage", TensorType.BOOL);

  private final Path file;
  private final CountingInput in;
  private final Map<String, TensorType> storageTypes = new HashMap<>();

  /**
   * What a pickle held.
   *
   * @param value the unpickled object
   * @param storageTypes the element type of every storage it named, by key
   */
  record Result(Object value, Map<String, TensorType> storageTypes) {}

  /** A pickled {@code collections.OrderedDict}; its instance state (torch's {@code _metadata}) is dropped. */
  public static final class OrderedDict extends LinkedHashMap<Object, Object> {
    private static final long serialVersionUID = 1L;

    /**
     * Receives the pickle's {@code BUILD} state, which torch uses for the state dict's {@code _metadata}.
     *
     * @param state the instance dict, ignored
     */
    public void __setstate__(HashMap<?, ?> state) {
      // torch's _metadata (module versions) is not needed to read the tensors
    }
  }

  /** A storage class named by a pickle, standing for the element type in persistent ids. */
  record StorageClass(TensorType type) implements IObjectConstructor {
    @Override
    public Object construct(Object[] args) {
      throw new PickleException("storage classes are not called in state dicts");
    }
  }

  private TorchUnpickler(Path file, CountingInput in) {
    this.file = file;
    this.in = in;
  }

  /**
   * Unpickles one object.
   *
   * @param file the file, for messages
   * @param in the pickle, positioned at its first opcode; read exactly to its STOP opcode
   * @return the object and the storages it names
   * @throws ModelFormatException if the pickle is malformed or names a global that is not allowed
   */
  static Result load(Path file, CountingInput in) {
    TorchUnpickler unpickler = new TorchUnpickler(file, in);
    try {
      Object value = unpickler.load(in);
      return new Result(value, Map.copyOf(unpickler.storageTypes));
    } catch (ModelFormatException e) {
      throw e;
    } catch (IOException | RuntimeException e) {
      throw new ModelFormatException(file + ": corrupt pickle: " + e, e);
    }
  }

  @Override
  protected Object dispatch(short key) throws IOException {
    switch (key) {
      case Opcodes.GLOBAL -> {
        String module = PickleUtils.readline(input);
        String name = PickleUtils.readline(input);
        stack.add(resolve(module, name));
        return NO_RETURN_VALUE;
      }
      case Opcodes.STACK_GLOBAL -> {
        Object name = stack.pop();
        Object module = stack.pop();
        stack.add(resolve(String.valueOf(module), String.valueOf(name)));
        return NO_RETURN_VALUE;
      }
      case Opcodes.SETITEMS -> {
        setItemsInOrder();
        return NO_RETURN_VALUE;
      }
      case Opcodes.INST -> throw refused(PickleUtils.readline(input) + "." + PickleUtils.readline(input));
      case Opcodes.EXT1, Opcodes.EXT2, Opcodes.EXT4 -> throw refused("an extension-registry global");
      case Opcodes.BINSTRING, Opcodes.BINBYTES, Opcodes.BINUNICODE, Opcodes.LONG4 -> checkLength(4);
      case Opcodes.BINBYTES8, Opcodes.BINUNICODE8, Opcodes.BYTEARRAY8 -> checkLength(8);
      default -> {
        // every other opcode builds plain values from the stack
      }
    }
    return super.dispatch(key);
  }

  /** SETITEMS keeping the pickle's order (the base class goes through a HashMap), so state dicts keep theirs. */
  @SuppressWarnings("unchecked")
  private void setItemsInOrder() {
    List<Object> items = stack.pop_all_since_marker();
    if (items.size() % 2 != 0 || !(stack.peek() instanceof Map<?, ?>)) {
      throw new PickleException("SETITEMS without a dict and key/value pairs");
    }
    Map<Object, Object> dict = (Map<Object, Object>) stack.peek();
    for (int i = 0; i < items.size(); i += 2) {
      dict.put(items.get(i), items.get(i + 1));
    }
  }

  /** Peeks at a little-endian length prefix and refuses one longer than what is left of the stream. */
  private void checkLength(int width) throws IOException {
    in.mark(width);
    byte[] b = in.readNBytes(width);
    in.reset();
    if (b.length < width) {
      throw new ModelFormatException(file + ": corrupt pickle: truncated length");
    }
    long length = 0;
    for (int i = width - 1; i >= 0; i--) {
      length = length << 8 | (b[i] & 0xFF);
    }
    if (width == 4) {
      length = (int) length;
    }
    if (length < 0 || length > in.remaining() - width) {
      throw new ModelFormatException(file + ": corrupt pickle: a value of " + Long.toUnsignedString(length)
          + " bytes, more than the " + (in.remaining() - width) + " left");
    }
  }

  private IObjectConstructor resolve(String module, String name) {
    switch (module + "." + name) {
      case "collections.OrderedDict" -> {
        return TorchUnpickler::orderedDict;
      }
      case "torch._utils._rebuild_tensor_v2" -> {
        return args -> rebuildTensor(args);
      }
      case "torch._utils._rebuild_parameter", "torch._utils._rebuild_parameter_with_state" -> {
        return args -> {
          if (args.length < 1 || !(args[0] instanceof PickledTensor)) {
            throw new PickleException("_rebuild_parameter expects a tensor");
          }
          return args[0];
        };
      }
      default -> {
        TensorType type = module.equals("torch") ? STORAGE_TYPES.get(name) : null;
        if (type == null) {
          throw refused(module + "." + name);
        }
        return new StorageClass(type);
      }
    }
  }

  private static OrderedDict orderedDict(Object[] args) {
    OrderedDict dict = new OrderedDict();
    if (args.length == 1 && args[0] instanceof List<?> pairs) {
      for (Object pair : pairs) {
        if (!(pair instanceof Object[] kv) || kv.length != 2) {
          throw new PickleException("OrderedDict expects (key, value) pairs");
        }
        dict.put(kv[0], kv[1]);
      }
    } else if (args.length != 0) {
      throw new PickleException("OrderedDict called with unexpected arguments");
    }
    return dict;
  }

  private PickledTensor rebuildTensor(Object[] args) {
    if (args.length < 4 || !(args[0] instanceof StorageRef storage)) {
      throw new PickleException("_rebuild_tensor_v2 expects (storage, offset, size, stride, ...)");
    }
    return new PickledTensor(storage, longValue(args[1]), longs(args[2]), longs(args[3]));
  }

  @Override
  protected Object persistentLoad(Object pid) {
    if (!(pid instanceof Object[] t) || t.length < 5 || !"storage".equals(t[0])
        || !(t[1] instanceof StorageClass storageClass)) {
      throw new PickleException("persistent id is not a torch storage");
    }
    long elementOffset = 0;
    if (t.length > 5 && t[5] != null) {
      if (!(t[5] instanceof Object[] view) || view.length != 3) {
        throw new PickleException("malformed storage view");
      }
      elementOffset = longValue(view[1]);
    }
    String key = String.valueOf(t[2]);
    TensorType known = storageTypes.putIfAbsent(key, storageClass.type());
    if (known != null && known != storageClass.type()) {
      throw new PickleException("storage " + key + " is named as both " + known + " and " + storageClass.type());
    }
    return new StorageRef(storageClass.type(), key, elementOffset);
  }

  private static long longValue(Object o) {
    if (o instanceof Integer || o instanceof Long) {
      long v = ((Number) o).longValue();
      if (v >= 0) {
        return v;
      }
    }
    throw new PickleException("expected a non-negative integer, got " + o);
  }

  private static long[] longs(Object o) {
    Object[] items = o instanceof Object[] a ? a : o instanceof List<?> l ? l.toArray() : null;
    if (items == null) {
      throw new PickleException("expected a tuple of integers, got " + o);
    }
    long[] values = new long[items.length];
    for (int i = 0; i < values.length; i++) {
      values[i] = longValue(items[i]);
    }
    return values;
  }

  private ModelFormatException refused(String global) {
    return new ModelFormatException(file + ": refused to load: the pickle names the global '" + global
        + "', which a state dict does not need (only tensors, storages and OrderedDict are allowed)."
        + " The file may be hostile; nothing from it was executed.");
  }
}
