package dev.findmypic.index.docs;

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
 * Fuzzes the document search's query builder ({@link FtsQuery}, package-private, hence this package): whatever a user
 * types, the expression it builds must run as an FTS5 {@code MATCH} on a real SQLite table with the document store's
 * tokenizer, with no syntax error. Seeds: the committed corpus of odd queries (FTS5 operators, quotes, SQL, unicode,
 * over-long text).
 */
class DocumentFtsQueryFuzzTest {
  private static final Connection DB = openTable();

  @TestFactory
  Stream<DynamicTest> corpus() {
    return FuzzHarness.regression("fts-query", List.of(), 20, DocumentFtsQueryFuzzTest::target);
  }

  @FuzzTest(maxDuration = "2m")
  void fuzz(byte[] input) {
    FuzzHarness.check(input, DocumentFtsQueryFuzzTest::target);
  }

  private static void target(byte[] input) throws SQLException {
    Optional<String> match = FtsQuery.of(new String(input, StandardCharsets.UTF_8));
    if (match.isPresent()) {
      run(match.get());
    }
  }

  private static synchronized void run(String match) throws SQLException {
    try (PreparedStatement q = DB.prepareStatement(
        "SELECT rowid, bm25(passages_fts) FROM passages_fts WHERE passages_fts MATCH ? ORDER BY bm25(passages_fts)")) {
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
        s.execute("CREATE VIRTUAL TABLE passages_fts USING fts5(text,"
            + " tokenize = 'porter unicode61 remove_diacritics 2')");
        s.execute("INSERT INTO passages_fts(text) VALUES ('the retrieval of information'),"
            + " ('日本語 テスト 12.50'), ('')");
      }
      return c;
    } catch (SQLException e) {
      throw new AssertionError("cannot create the FTS5 table", e);
    }
  }
}
