package dev.findmypic.core;

/**
 * A model file is malformed or hostile: a truncated or inconsistent checkpoint, a pickle that names a forbidden global, a tokenizer or configuration that cannot be read. Nothing from such a file is executed.
 */
public class ModelFormatException extends ModelException {
  /**
   * Creates an exception with a message.
   *
   * @param message what failed and why
   */
  public ModelFormatException(String message) {
    super(message);
  }

  /**
   * Creates an exception with a message and the underlying cause.
   *
   * @param message what failed and why
   * @param cause the lower-level failure
   */
  public ModelFormatException(String message, Throwable cause) {
    super(message, cause);
  }
}
