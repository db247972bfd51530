package dev.findmypic.core;

/**
 * A search query cannot be answered, for example because it names a modality for which no model is configured.
 */
public class QueryException extends FindMyPicException {
  /**
   * Creates an exception with a message.
   *
   * @param message what failed and why
   */
  public QueryException(String message) {
    super(message);
  }

  /**
   * Creates an exception with a message and the underlying cause.
   *
   * @param message what failed and why
   * @param cause the lower-level failure
   */
  public QueryException(String message, Throwable cause) {
    super(message, cause);
  }
}
