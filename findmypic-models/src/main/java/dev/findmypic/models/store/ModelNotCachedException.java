package dev.findmypic.models.store;

import dev.findmypic.core.ModelException;

/**
 * A model is needed, it is not in any cache, and the store may not use the network. The message names the model, the
 * directories searched and the three ways out.
 */
public class ModelNotCachedException extends ModelException {
  /**
   * Creates the exception.
   *
   * @param message the model, the directories searched and the ways out
   */
  public ModelNotCachedException(String message) {
    super(message);
  }
}
