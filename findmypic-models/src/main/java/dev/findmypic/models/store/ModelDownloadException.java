package dev.findmypic.models.store;

import dev.findmypic.core.ModelException;

/**
 * A model file could not be downloaded. The message names the model, the file and what to do; {@link #reason()} lets
 * a caller react (fall back to another source on {@link Reason#NETWORK}, say).
 */
public class ModelDownloadException extends ModelException {
  /** Why a download failed. */
  public enum Reason {
    /** 401 or 403: a gated or private repository, or a missing or wrong token. */
    ACCESS_DENIED,
    /** 404: no such repository. */
    REPOSITORY_NOT_FOUND,
    /** 404: the repository has no such branch, tag or commit. */
    REVISION_NOT_FOUND,
    /** 404: the revision has no such file. */
    FILE_NOT_FOUND,
    /** 429 after every retry. */
    RATE_LIMITED,
    /** 5xx after every retry. */
    SERVER_ERROR,
    /** The server could not be reached, or the connection kept dropping. */
    NETWORK,
    /** The bytes received do not have the expected size or hash. */
    INTEGRITY,
    /** Any other answer the store cannot use. */
    PROTOCOL
  }

  private final Reason reason;

  /**
   * Creates the exception.
   *
   * @param reason why
   * @param message what failed and what to do
   * @param cause the lower-level failure, or null
   */
  public ModelDownloadException(Reason reason, String message, Throwable cause) {
    super(message, cause);
    this.reason = reason;
  }

  /** @return why the download failed */
  public Reason reason() {
    return reason;
  }
}
