package dev.findmypic.index.text;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.findmypic.core.testing.FuzzHarness;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Fuzzes the FTS5 query builder ({@link FtsQuery}): whatever a user types, in every mode, the expression it builds
 * must run as an FTS5 {@code MATCH} with no syntax error on real SQLite tables with the tokenizers of both of its
 * users: the catalogue's {@code photo_text} (per column, {@code unicode61}) and the document store's passages
 * (all columns, {@code porter unicode61}). Seeds: the committed corpus of odd queries (FTS5 operators, quotes, SQL,
 * unicode, over-long text).
 */
class FtsQueryFuzzTest {
  private static final Connection DB = openTables();

  @TestFactory
  Stream<DynamicTest> corpus() {
    return FuzzHarness.regression("fts-query", List.of(), 10, FtsQueryFuzzTest::target);
  }

  @FuzzTest(maxDuration = "2m")
  void fuzz(byte[] input) {
    FuzzHarness.check(input, FtsQueryFuzzTest::target);
  }

  private static void target(byte[] input) throws SQLException {
    String text = new String(input, StandardCharsets.UTF_8);
    for (FtsQuery.Mode mode : FtsQuery.Mode.values()) {
      for (String column : List.of("name", "ocr")) {
        Optional<String> match = FtsQuery.build(text, mode, column);
        if (match.isPresent()) {
          run("photo_text", match.get());
        }
      }
      Optional<String> match = FtsQuery.build(text, mode);
      if (match.isPresent()) {
        run("passages_fts", match.get());
      }
    }
  }

  private static synchronized void run(String table, String match) throws SQLException {
    try (PreparedStatement q = DB.prepareStatement(
        "SELECT rowid, bm25(" + table + ") FROM " + table + " WHERE " + table + " MATCH ? ORDER BY bm25(" + table + ")")) {
      q.setString(1, match);
      try (ResultSet rs = q.executeQuery()) {
        while (rs.next()) {
          rs.getLong(1);
        }
      }
    }
  }

  private static Connection openTables() {
    try {
      Connection c = DriverManager.getConnection("jdbc:sqlite::memory:");
      try (Statement s = c.createStatement()) {
        s.execute("CREATE VIRTUAL TABLE photo_text USING fts5(name, ocr,"
            + " tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3')");
        s.execute("INSERT INTO photo_text(name, ocr) VALUES ('red car.jpg', 'STOP sign near the café'),"
            + " ('日本語.png', 'テスト receipt total 12.50'), ('cat.jpg', '')");
        s.execute("CREATE VIRTUAL TABLE passages_fts USING fts5(text,"
            + " tokenize = 'porter unicode61 remove_diacritics 2')");
        s.execute("INSERT INTO passages_fts(text) VALUES ('the retrieval of information'),"
            + " ('日本語 テスト 12.50'), ('')");
      }
      return c;
    } catch (SQLException e) {
      throw new AssertionError("cannot create the FTS5 tables", e);
    }
  }
}
