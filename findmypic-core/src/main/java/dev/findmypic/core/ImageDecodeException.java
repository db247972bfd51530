package dev.findmypic.core;

/**
 * An image file could not be decoded: corrupt, truncated, of an unsupported format, or too large to decode safely (a decompression bomb).
 */
public class ImageDecodeException extends FindMyPicException {
  /**
   * Creates an exception with a message.
   *
   * @param message what failed and why
   */
  public ImageDecodeException(String message) {
    super(message);
  }

  /**
   * Creates an exception with a message and the underlying cause.
   *
   * @param message what failed and why
   * @param cause the lower-level failure
   */
  public ImageDecodeException(String message, Throwable cause) {
    super(message, cause);
  }
}
