package dev.findmypic.index.catalogue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** The checks behind {@link Catalogue#checkIntegrity()}. */
final class CatalogueIntegrity {
  private static final String[][] INVARIANTS = {
    {"full-text rows without a file", "SELECT count(*) FROM photo_text WHERE rowid NOT IN (SELECT id FROM files)"},
    {"indexed files without a full-text row",
        "SELECT count(*) FROM files WHERE status = 'INDEXED' AND id NOT IN (SELECT rowid FROM photo_text)"},
    {"embeddings of files that are not indexed",
        "SELECT count(*) FROM embeddings e JOIN files f ON f.id = e.file_id WHERE f.status <> 'INDEXED'"},
    {"faces of files that are not indexed",
        "SELECT count(*) FROM faces x JOIN files f ON f.id = x.file_id WHERE f.status <> 'INDEXED'"},
    {"failed files without a reason", "SELECT count(*) FROM files WHERE status = 'FAILED' AND error IS NULL"},
    {"files outside their root",
        "SELECT count(*) FROM files f JOIN roots r ON r.id = f.root_id WHERE substr(f.path, 1, length(r.path) + 1) <> r.path || '/'"},
  };

  private CatalogueIntegrity() {}

  static List<String> problems(Connection c) throws SQLException {
    List<String> problems = new ArrayList<>();
    try (Statement s = c.createStatement()) {
      try (ResultSet rs = s.executeQuery("PRAGMA integrity_check")) {
        while (rs.next()) {
          if (!"ok".equals(rs.getString(1))) {
            problems.add("sqlite: " + rs.getString(1));
          }
        }
      }
      try (ResultSet rs = s.executeQuery("PRAGMA foreign_key_check")) {
        while (rs.next()) {
          problems.add("foreign key: row " + rs.getLong(2) + " of " + rs.getString(1) + " points to a missing "
              + rs.getString(3));
        }
      }
      try {
        s.execute("INSERT INTO photo_text(photo_text, rank) VALUES ('integrity-check', 1)");
      } catch (SQLException e) {
        problems.add("full-text index: " + e.getMessage());
      }
      for (String[] invariant : INVARIANTS) {
        try (ResultSet rs = s.executeQuery(invariant[1])) {
          long n = rs.next() ? rs.getLong(1) : 0;
          if (n > 0) {
            problems.add(n + " " + invariant[0]);
          }
        }
      }
    }
    return problems;
  }
}
