package dev.findmypic.index.testing;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** Reads a catalogue database directly, for exact assertions on its rows. */
public final class Sql {
  private Sql() {}

  /**
   * Runs a query.
   *
   * @param dataDir the library's data directory
   * @param sql the query
   * @return each row's columns as strings (null stays null)
   */
  public static List<List<String>> rows(Path dataDir, String sql) {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dataDir.resolve("catalogue.db"));
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      List<List<String>> rows = new ArrayList<>();
      int n = rs.getMetaData().getColumnCount();
      while (rs.next()) {
        List<String> row = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
          row.add(rs.getString(i));
        }
        rows.add(row);
      }
      return rows;
    } catch (SQLException e) {
      throw new AssertionError("query failed: " + sql, e);
    }
  }

  /**
   * Runs a query returning one number.
   *
   * @param dataDir the library's data directory
   * @param sql the query
   * @return the number
   */
  public static long number(Path dataDir, String sql) {
    return Long.parseLong(rows(dataDir, sql).get(0).get(0));
  }
}
