package dev.findmypic.core;

/**
 * A model could not be found, fetched, verified or loaded. The message names the model and, where relevant, the directories searched and the ways out.
 */
public class ModelException extends FindMyPicException {
  /**
   * Creates an exception with a message.
   *
   * @param message what failed and why
   */
  public ModelException(String message) {
    super(message);
  }

  /**
   * Creates an exception with a message and the underlying cause.
   *
   * @param message what failed and why
   * @param cause the lower-level failure
   */
  public ModelException(String message, Throwable cause) {
    super(message, cause);
  }
}
