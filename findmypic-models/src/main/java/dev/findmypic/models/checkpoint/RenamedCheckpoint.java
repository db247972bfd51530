package dev.findmypic.models.checkpoint;

import dev.findmypic.core.ModelFormatException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** A checkpoint seen with a name prefix removed; see {@link Checkpoints#withoutPrefix(Checkpoint, String)}. */
final class RenamedCheckpoint implements Checkpoint {
  private final Checkpoint delegate;
  private final Map<String, String> original;

  RenamedCheckpoint(Checkpoint delegate, String prefix) {
    this.delegate = delegate;
    Map<String, String> names = new LinkedHashMap<>();
    for (String name : delegate.names()) {
      String renamed = name.startsWith(prefix) ? name.substring(prefix.length()) : name;
      String clash = names.put(renamed, name);
      if (clash != null) {
        throw new ModelFormatException(delegate.source() + ": tensors '" + clash + "' and '" + name
            + "' both become '" + renamed + "' without the prefix '" + prefix + "'");
      }
    }
    this.original = Collections.unmodifiableMap(names);
  }

  @Override
  public Path source() {
    return delegate.source();
  }

  @Override
  public Set<String> names() {
    return original.keySet();
  }

  @Override
  public Tensor get(String name) {
    String name0 = original.get(name);
    if (name0 == null) {
      throw new ModelFormatException(delegate.source() + ": no tensor named '" + name + "'");
    }
    Tensor t = delegate.get(name0);
    return new Tensor(name, t.type(), t.shape(), t.data());
  }

  @Override
  public void release(Tensor tensor) {
    delegate.release(tensor);
  }

  @Override
  public void close() {
    delegate.close();
  }
}
