package dev.findmypic.index.docs;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The document index's SQLite file: documents, their passages with vectors, and an FTS5 index over the passages.
 * One connection, used under this object's lock; WAL journal so that a reader never blocks on a writer.
 */
final class DocumentStore implements AutoCloseable {
  private static final int SCHEMA_VERSION = 1;
  private static final String[] SCHEMA = {
    "CREATE TABLE IF NOT EXISTS documents ("
        + "id INTEGER PRIMARY KEY, path TEXT NOT NULL UNIQUE, size INTEGER NOT NULL, modified INTEGER NOT NULL, "
        + "model TEXT NOT NULL)",
    "CREATE TABLE IF NOT EXISTS passages ("
        + "id INTEGER PRIMARY KEY, document INTEGER NOT NULL REFERENCES documents(id), ordinal INTEGER NOT NULL, "
        + "text TEXT NOT NULL, vector BLOB NOT NULL)",
    "CREATE INDEX IF NOT EXISTS passages_document ON passages(document)",
    // external-content FTS5 table kept in step by the triggers below
    "CREATE VIRTUAL TABLE IF NOT EXISTS passages_fts USING fts5(text, content='passages', content_rowid='id', "
        + "tokenize='porter unicode61 remove_diacritics 2')",
    "CREATE TRIGGER IF NOT EXISTS passages_ai AFTER INSERT ON passages BEGIN "
        + "INSERT INTO passages_fts(rowid, text) VALUES (new.id, new.text); END",
    "CREATE TRIGGER IF NOT EXISTS passages_ad AFTER DELETE ON passages BEGIN "
        + "INSERT INTO passages_fts(passages_fts, rowid, text) VALUES ('delete', old.id, old.text); END",
  };

  /** What the store knows of a document's file. */
  record Stamp(long id, long size, long modified, String model) {}

  /** A passage's vector and the document it belongs to. */
  record StoredVector(long passage, long document, float[] vector) {}

  /** A passage found by the keyword index. */
  record KeywordMatch(long passage, long document, double score) {}

  /** A passage's text. */
  record StoredPassage(long id, long document, int ordinal, String text) {}

  private final Path file;
  private final Connection connection;

  private DocumentStore(Path file, Connection connection) {
    this.file = file;
    this.connection = connection;
  }

  /**
   * Opens (creating if needed) the store.
   *
   * @param file the SQLite file
   * @return the store
   * @throws DocumentException naming the file if it cannot be opened or is not a document index
   */
  static DocumentStore open(Path file) {
    try {
      Connection c = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
      try (Statement s = c.createStatement()) {
        s.execute("PRAGMA journal_mode=WAL");
        s.execute("PRAGMA synchronous=NORMAL");
        s.execute("PRAGMA busy_timeout=5000");
        int version;
        try (ResultSet rs = s.executeQuery("PRAGMA user_version")) {
          version = rs.getInt(1);
        }
        if (version > SCHEMA_VERSION) {
          c.close();
          throw new DocumentException("the document index " + file + " has schema version " + version
              + ", newer than this FindMyPic understands (" + SCHEMA_VERSION + "); upgrade FindMyPic");
        }
        c.setAutoCommit(false);
        for (String ddl : SCHEMA) {
          s.execute(ddl);
        }
        s.execute("PRAGMA user_version=" + SCHEMA_VERSION);
        c.commit();
        // reads run in autocommit mode, so that no read snapshot stays open and holds back WAL checkpoints
        c.setAutoCommit(true);
      }
      return new DocumentStore(file, c);
    } catch (SQLException e) {
      throw new DocumentException("cannot open the document index " + file + ": " + e.getMessage(), e);
    }
  }

  /** @return every stored document's path and stamp */
  synchronized Map<Path, Stamp> stamps() {
    Map<Path, Stamp> stamps = new HashMap<>();
    try (Statement s = connection.createStatement();
        ResultSet rs = s.executeQuery("SELECT id, path, size, modified, model FROM documents")) {
      while (rs.next()) {
        stamps.put(Path.of(rs.getString(2)),
            new Stamp(rs.getLong(1), rs.getLong(3), rs.getLong(4), rs.getString(5)));
      }
      return stamps;
    } catch (SQLException e) {
      throw failure("read the documents", e);
    }
  }

  /**
   * Replaces a document and its passages in one transaction.
   *
   * @param document the document
   * @param model the key of the model that embedded the passages
   * @param passages the passages' texts
   * @param vectors one vector per passage
   */
  synchronized void put(DocumentText document, String model, List<String> passages, List<float[]> vectors) {
    try {
      connection.setAutoCommit(false);
      deleteInTransaction(document.path());
      long id;
      try (PreparedStatement p = connection.prepareStatement(
          "INSERT INTO documents(path, size, modified, model) VALUES (?, ?, ?, ?)",
          Statement.RETURN_GENERATED_KEYS)) {
        p.setString(1, document.path().toString());
        p.setLong(2, document.size());
        p.setLong(3, document.modifiedMillis());
        p.setString(4, model);
        p.executeUpdate();
        try (ResultSet keys = p.getGeneratedKeys()) {
          keys.next();
          id = keys.getLong(1);
        }
      }
      try (PreparedStatement p = connection.prepareStatement(
          "INSERT INTO passages(document, ordinal, text, vector) VALUES (?, ?, ?, ?)")) {
        for (int i = 0; i < passages.size(); i++) {
          p.setLong(1, id);
          p.setInt(2, i);
          p.setString(3, passages.get(i));
          p.setBytes(4, toBytes(vectors.get(i)));
          p.addBatch();
        }
        p.executeBatch();
      }
      connection.commit();
    } catch (SQLException e) {
      rollback();
      throw failure("store " + document.path(), e);
    } finally {
      endTransaction();
    }
  }

  /**
   * Removes documents and their passages.
   *
   * @param paths the documents
   */
  synchronized void delete(List<Path> paths) {
    try {
      connection.setAutoCommit(false);
      for (Path path : paths) {
        deleteInTransaction(path);
      }
      connection.commit();
    } catch (SQLException e) {
      rollback();
      throw failure("remove " + paths.size() + " documents", e);
    } finally {
      endTransaction();
    }
  }

  /**
   * Returns the vectors of every passage embedded by a model.
   *
   * @param model the model's key
   * @return the vectors
   */
  synchronized List<StoredVector> vectors(String model) {
    List<StoredVector> vectors = new ArrayList<>();
    try (PreparedStatement p = connection.prepareStatement(
        "SELECT p.id, p.document, p.vector FROM passages p JOIN documents d ON d.id = p.document WHERE d.model = ?")) {
      p.setString(1, model);
      try (ResultSet rs = p.executeQuery()) {
        while (rs.next()) {
          vectors.add(new StoredVector(rs.getLong(1), rs.getLong(2), toFloats(rs.getBytes(3))));
        }
      }
      return vectors;
    } catch (SQLException e) {
      throw failure("read the passage vectors", e);
    }
  }

  /**
   * Finds passages by an FTS5 expression, best BM25 first.
   *
   * @param expression a safe expression from {@link dev.findmypic.index.text.FtsQuery}
   * @param limit the most passages
   * @return the passages with their BM25 score (higher is better)
   */
  synchronized List<KeywordMatch> keywordSearch(String expression, int limit) {
    List<KeywordMatch> matches = new ArrayList<>();
    try (PreparedStatement p = connection.prepareStatement(
        "SELECT p.id, p.document, bm25(passages_fts) AS rank FROM passages_fts "
            + "JOIN passages p ON p.id = passages_fts.rowid WHERE passages_fts MATCH ? ORDER BY rank LIMIT ?")) {
      p.setString(1, expression);
      p.setInt(2, limit);
      try (ResultSet rs = p.executeQuery()) {
        while (rs.next()) {
          // FTS5's bm25() is negated so that ascending order is best first
          matches.add(new KeywordMatch(rs.getLong(1), rs.getLong(2), -rs.getDouble(3)));
        }
      }
      return matches;
    } catch (SQLException e) {
      throw failure("search the passages for " + expression, e);
    }
  }

  /**
   * Reads passages' texts.
   *
   * @param ids passage ids
   * @return the passages by id
   */
  synchronized Map<Long, StoredPassage> passages(List<Long> ids) {
    return byIds(ids, "SELECT id, document, ordinal, text FROM passages WHERE id IN ",
        rs -> new StoredPassage(rs.getLong(1), rs.getLong(2), rs.getInt(3), rs.getString(4)));
  }

  /**
   * Reads documents' paths.
   *
   * @param ids document ids
   * @return the paths by id
   */
  synchronized Map<Long, Path> paths(List<Long> ids) {
    return byIds(ids, "SELECT id, path FROM documents WHERE id IN ", rs -> Path.of(rs.getString(2)));
  }

  @Override
  public synchronized void close() {
    try {
      connection.close();
    } catch (SQLException e) {
      throw failure("close", e);
    }
  }

  private interface Row<T> {
    T read(ResultSet rs) throws SQLException;
  }

  private <T> Map<Long, T> byIds(List<Long> ids, String sqlPrefix, Row<T> row) {
    Map<Long, T> result = new HashMap<>();
    if (ids.isEmpty()) {
      return result;
    }
    String placeholders = "(" + "?,".repeat(ids.size() - 1) + "?)";
    try (PreparedStatement p = connection.prepareStatement(sqlPrefix + placeholders)) {
      for (int i = 0; i < ids.size(); i++) {
        p.setLong(i + 1, ids.get(i));
      }
      try (ResultSet rs = p.executeQuery()) {
        while (rs.next()) {
          result.put(rs.getLong(1), row.read(rs));
        }
      }
      return result;
    } catch (SQLException e) {
      throw failure("read " + ids.size() + " rows", e);
    }
  }

  private void deleteInTransaction(Path path) throws SQLException {
    try (PreparedStatement passages = connection.prepareStatement(
            "DELETE FROM passages WHERE document IN (SELECT id FROM documents WHERE path = ?)");
        PreparedStatement document = connection.prepareStatement("DELETE FROM documents WHERE path = ?")) {
      passages.setString(1, path.toString());
      passages.executeUpdate();
      document.setString(1, path.toString());
      document.executeUpdate();
    }
  }

  private void endTransaction() {
    try {
      connection.setAutoCommit(true);
    } catch (SQLException e) {
      throw failure("end a transaction", e);
    }
  }

  private void rollback() {
    try {
      connection.rollback();
    } catch (SQLException ignored) {
      // the original failure is the one worth reporting
    }
  }

  private DocumentException failure(String what, SQLException e) {
    return new DocumentException("cannot " + what + " in the document index " + file + ": " + e.getMessage(), e);
  }

  private static byte[] toBytes(float[] vector) {
    ByteBuffer buffer = ByteBuffer.allocate(vector.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
    buffer.asFloatBuffer().put(vector);
    return buffer.array();
  }

  private static float[] toFloats(byte[] bytes) {
    float[] vector = new float[bytes.length / Float.BYTES];
    ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(vector);
    return vector;
  }
}
