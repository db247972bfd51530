package dev.findmypic.core;

/**
 * Running a model failed after it was loaded, for example because the native engine reported an error.
 */
public class InferenceException extends FindMyPicException {
  /**
   * Creates an exception with a message.
   *
   * @param message what failed and why
   */
  public InferenceException(String message) {
    super(message);
  }

  /**
   * Creates an exception with a message and the underlying cause.
   *
   * @param message what failed and why
   * @param cause the lower-level failure
   */
  public InferenceException(String message, Throwable cause) {
    super(message, cause);
  }
}
