package dev.findmypic.index.catalogue;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Work done on one catalogue connection, inside a transaction for writes.
 *
 * @param <T> what the work returns
 */
@FunctionalInterface
public interface SqlWork<T> {
  /**
   * Does the work.
   *
   * @param connection the connection, valid only during this call
   * @return the result
   * @throws SQLException if SQLite fails; the catalogue rolls back and wraps it
   */
  T apply(Connection connection) throws SQLException;
}
