package dev.findmypic.models.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;

/**
 * The named parameters of a model as F32 arrays, all owned by one long-lived {@link NDManager} (the model's). Names
 * are the checkpoint's own, for example {@code vision_model.encoder.layers.0.mlp.fc1.weight}.
 *
 * <p>Each {@link #get} call makes a new array in {@link #manager()}; a model asks for each parameter once, when it
 * loads.
 */
public interface Weights {
  /**
   * Returns a parameter as an F32 array, widened from F16 or BF16 where the checkpoint stores those.
   *
   * @param name the parameter's full name
   * @return the array, owned by {@link #manager()}
   * @throws dev.findmypic.core.ModelFormatException naming the checkpoint and the parameter if it is absent
   */
  NDArray get(String name);

  /**
   * Tells whether a parameter exists.
   *
   * @param name the parameter's full name
   * @return true if {@link #get} would find it
   */
  boolean contains(String name);

  /** @return the manager that owns every array this returns: the model's */
  NDManager manager();

  /**
   * Returns a parameter that may be absent, such as an optional bias.
   *
   * @param name the parameter's full name
   * @return the array, or null if the checkpoint has no such parameter
   */
  default NDArray getOptional(String name) {
    return contains(name) ? get(name) : null;
  }
}
