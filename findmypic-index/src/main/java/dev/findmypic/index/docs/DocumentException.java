package dev.findmypic.index.docs;

import dev.findmypic.core.FindMyPicException;

/** A document could not be read, or the document index could not be read or written. The message names the file. */
public class DocumentException extends FindMyPicException {
  /**
   * Creates an exception with a message.
   *
   * @param message what failed and why
   */
  public DocumentException(String message) {
    super(message);
  }

  /**
   * Creates an exception with a message and the underlying cause.
   *
   * @param message what failed and why
   * @param cause the lower-level failure
   */
  public DocumentException(String message, Throwable cause) {
    super(message, cause);
  }
}
