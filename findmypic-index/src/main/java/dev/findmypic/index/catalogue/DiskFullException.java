package dev.findmypic.index.catalogue;

import dev.findmypic.core.CatalogueException;
import java.nio.file.Path;

/**
 * The disk holding a data directory is full (SQLite's {@code SQLITE_FULL}): the write that hit it was rolled back,
 * everything committed before it is kept, and indexing again after freeing space resumes where it stopped.
 */
public final class DiskFullException extends CatalogueException {
  private final transient Path dataDir;

  /**
   * Creates the exception.
   *
   * @param dataDir the data directory whose disk is full
   * @param action what was being done, such as "writing the catalogue"
   * @param cause SQLite's failure
   */
  public DiskFullException(Path dataDir, String action, Throwable cause) {
    super(action + " failed: the disk holding the data directory " + dataDir + " is full (no space left); the "
        + "unfinished transaction was rolled back and everything committed before it is kept: free some space "
        + "and index again to resume", cause);
    this.dataDir = dataDir;
  }

  /** @return the data directory whose disk is full */
  public Path dataDir() {
    return dataDir;
  }
}
