package dev.findmypic.core;

/**
 * The root of every exception that FindMyPic throws on purpose. Its message names what failed (a file, a model, a
 * query) and why, in words that a user can act on.
 */
public class FindMyPicException extends RuntimeException {
  /**
   * Creates an exception with a message.
   *
   * @param message what failed and why
   */
  public FindMyPicException(String message) {
    super(message);
  }

  /**
   * Creates an exception with a message and the underlying cause.
   *
   * @param message what failed and why
   * @param cause the lower-level failure
   */
  public FindMyPicException(String message, Throwable cause) {
    super(message, cause);
  }
}
