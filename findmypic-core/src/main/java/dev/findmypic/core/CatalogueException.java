package dev.findmypic.core;

/**
 * The photo catalogue could not be read or written. The message names the database file and the cause.
 */
public class CatalogueException extends FindMyPicException {
  /**
   * Creates an exception with a message.
   *
   * @param message what failed and why
   */
  public CatalogueException(String message) {
    super(message);
  }

  /**
   * Creates an exception with a message and the underlying cause.
   *
   * @param message what failed and why
   * @param cause the lower-level failure
   */
  public CatalogueException(String message, Throwable cause) {
    super(message, cause);
  }
}
