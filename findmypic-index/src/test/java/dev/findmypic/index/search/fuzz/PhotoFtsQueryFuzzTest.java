package dev.findmypic.index.search.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.findmypic.core.testing.FuzzHarness;
import dev.findmypic.index.search.FtsQuery;
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
 * Fuzzes the photo search's query builder ({@link FtsQuery}): whatever a user types, in every mode and for both
 * columns, the expression it builds must run as an FTS5 {@code MATCH} on a real SQLite table with the catalogue's
 * tokenizer, with no syntax error. Seeds: the committed corpus of odd queries (FTS5 operators, quotes, SQL, unicode,
 * over-long text).
 */
class PhotoFtsQueryFuzzTest {
  private static final Connection DB = openTable();

  @TestFactory
  Stream<DynamicTest> corpus() {
    return FuzzHarness.regression("fts-query", List.of(), 10, PhotoFtsQueryFuzzTest::target);
  }

  @FuzzTest(maxDuration = "2m")
  void fuzz(byte[] input) {
    FuzzHarness.check(input, PhotoFtsQueryFuzzTest::target);
  }

  private static void target(byte[] input) throws SQLException {
    String text = new String(input, StandardCharsets.UTF_8);
    for (FtsQuery.Mode mode : FtsQuery.Mode.values()) {
      for (String column : List.of("name", "ocr")) {
        Optional<String> match = FtsQuery.build(text, mode, column);
        if (match.isPresent()) {
          run(match.get());
        }
      }
    }
  }

  private static synchronized void run(String match) throws SQLException {
    try (PreparedStatement q = DB.prepareStatement(
        "SELECT rowid, bm25(photo_text) FROM photo_text WHERE photo_text MATCH ? ORDER BY bm25(photo_text)")) {
      q.setString(1, match);
      try (ResultSet rs = q.executeQuery()) {
        while (rs.next()) {
          rs.getLong(1);
        }
      }
    }
  }

  private static Connection openTable() {
    try {
      Connection c = DriverManager.getConnection("jdbc:sqlite::memory:");
      try (Statement s = c.createStatement()) {
        s.execute("CREATE VIRTUAL TABLE photo_text USING fts5(name, ocr,"
            + " tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3')");
        s.execute("INSERT INTO photo_text(name, ocr) VALUES ('red car.jpg', 'STOP sign near the café'),"
            + " ('日本語.png', 'テスト receipt total 12.50'), ('cat.jpg', '')");
      }
      return c;
    } catch (SQLException e) {
      throw new AssertionError("cannot create the FTS5 table", e);
    }
  }
}
