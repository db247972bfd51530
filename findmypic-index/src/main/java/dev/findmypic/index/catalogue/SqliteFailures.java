package dev.findmypic.index.catalogue;

import dev.findmypic.core.CatalogueException;
import java.nio.file.Path;
import java.sql.SQLException;

/** Turns SQLite's failures into the library's exceptions, by SQLite's primary result code. */
final class SqliteFailures {
  /** {@code SQLITE_BUSY}: another connection holds a lock that this one needs. */
  static final int BUSY = 5;
  /** {@code SQLITE_LOCKED}: a conflict inside one shared cache. */
  static final int LOCKED = 6;
  /** {@code SQLITE_FULL}: the disk (or {@code max_page_count}) allows no more pages. */
  static final int FULL = 13;

  private SqliteFailures() {}

  /** @return SQLite's primary result code of a failure, or -1 when it is not SQLite's */
  static int primaryCode(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SQLException sql && sql.getErrorCode() > 0) {
        return sql.getErrorCode() & 0xff;
      }
    }
    return -1;
  }

  /** @return whether waiting and trying again may succeed */
  static boolean isBusy(Throwable e) {
    int code = primaryCode(e);
    return code == BUSY || code == LOCKED;
  }

  /**
   * The library's exception for a failure of the catalogue.
   *
   * @param file the database file
   * @param action what was being done, such as "writing the catalogue"
   * @param e SQLite's failure
   * @return a {@link DiskFullException} for a full disk, else a {@link CatalogueException} naming the file
   */
  static CatalogueException of(Path file, String action, SQLException e) {
    int code = primaryCode(e);
    if (code == FULL) {
      return new DiskFullException(file.getParent(), action + " " + file, e);
    }
    if (code == BUSY || code == LOCKED) {
      return new CatalogueException(action + " " + file + " failed: the database stayed locked by another "
          + "connection or process (" + e.getMessage() + "); try again when the other writer has finished", e);
    }
    return new CatalogueException(action + " " + file + " failed: " + e.getMessage(), e);
  }
}
