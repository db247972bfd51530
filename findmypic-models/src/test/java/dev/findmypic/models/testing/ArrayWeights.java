package dev.findmypic.models.testing;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import dev.findmypic.core.ModelFormatException;
import dev.findmypic.models.nn.Weights;

/** {@link Weights} over arrays DJL decoded from an F32 safetensors file, for tests of the model code alone. */
public final class ArrayWeights implements Weights {
  private final ReferenceArrays arrays;
  private final NDManager manager;

  /**
   * Wraps decoded arrays.
   *
   * @param arrays the arrays
   * @param manager their manager
   */
  public ArrayWeights(ReferenceArrays arrays, NDManager manager) {
    this.arrays = arrays;
    this.manager = manager;
  }

  @Override
  public NDArray get(String name) {
    if (!contains(name)) {
      throw new ModelFormatException("no parameter " + name);
    }
    NDArray copy = arrays.get(name).duplicate();
    copy.attach(manager);
    return copy;
  }

  @Override
  public boolean contains(String name) {
    return arrays.names().contains(name);
  }

  @Override
  public NDManager manager() {
    return manager;
  }
}
