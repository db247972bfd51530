package dev.findmypic.index.catalogue;

import dev.findmypic.core.CatalogueException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * The catalogue's tables and the migrations between schema versions. The version lives in SQLite's
 * {@code PRAGMA user_version}; migration {@code i} takes a database from version {@code i} to {@code i + 1}.
 *
 * <p>The full-text table {@code photo_text} has the file id as its rowid and two columns, {@code name} (the file
 * name) and {@code ocr} (every OCR line of the photo). Vectors are little-endian float32 BLOBs. {@code vector_sets}
 * holds a generation per (kind, model key) that every change to that set's vectors increments, so that vector index
 * files derived from the catalogue can tell that they are stale.
 */
final class CatalogueSchema {
  /** The schema version this code writes. */
  static final int VERSION = 1;

  private static final List<List<String>> MIGRATIONS = List.of(List.of(
      "CREATE TABLE roots(id INTEGER PRIMARY KEY, path TEXT NOT NULL UNIQUE)",
      "CREATE TABLE files(id INTEGER PRIMARY KEY,"
          + " root_id INTEGER NOT NULL REFERENCES roots(id) ON DELETE CASCADE,"
          + " path TEXT NOT NULL UNIQUE, name TEXT NOT NULL, size INTEGER NOT NULL, mtime INTEGER NOT NULL,"
          + " content_hash TEXT, format TEXT, width INTEGER, height INTEGER, taken_at TEXT,"
          + " latitude REAL, longitude REAL, camera TEXT, orientation INTEGER,"
          + " status TEXT NOT NULL CHECK (status IN ('INDEXED', 'FAILED')), error TEXT,"
          + " indexed_at INTEGER NOT NULL)",
      "CREATE INDEX files_root ON files(root_id)",
      "CREATE INDEX files_hash ON files(content_hash)",
      "CREATE INDEX files_taken ON files(taken_at)",
      "CREATE TABLE analyses(file_id INTEGER NOT NULL REFERENCES files(id) ON DELETE CASCADE,"
          + " role TEXT NOT NULL, model_key TEXT NOT NULL, PRIMARY KEY (file_id, role))",
      "CREATE TABLE embeddings(file_id INTEGER NOT NULL REFERENCES files(id) ON DELETE CASCADE,"
          + " kind TEXT NOT NULL, model_key TEXT NOT NULL, vector BLOB NOT NULL,"
          + " PRIMARY KEY (file_id, kind, model_key))",
      "CREATE INDEX embeddings_set ON embeddings(kind, model_key)",
      "CREATE TABLE faces(id INTEGER PRIMARY KEY,"
          + " file_id INTEGER NOT NULL REFERENCES files(id) ON DELETE CASCADE, model_key TEXT NOT NULL,"
          + " x REAL NOT NULL, y REAL NOT NULL, w REAL NOT NULL, h REAL NOT NULL, landmarks TEXT NOT NULL,"
          + " score REAL NOT NULL, embedding BLOB NOT NULL)",
      "CREATE INDEX faces_file ON faces(file_id)",
      "CREATE INDEX faces_model ON faces(model_key)",
      "CREATE TABLE ocr_lines(file_id INTEGER NOT NULL REFERENCES files(id) ON DELETE CASCADE,"
          + " line_no INTEGER NOT NULL, model_key TEXT NOT NULL, text TEXT NOT NULL, polygon TEXT NOT NULL,"
          + " confidence REAL NOT NULL, PRIMARY KEY (file_id, line_no))",
      "CREATE VIRTUAL TABLE photo_text USING fts5(name, ocr,"
          + " tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3')",
      "CREATE TABLE vector_sets(kind TEXT NOT NULL, model_key TEXT NOT NULL, generation INTEGER NOT NULL,"
          + " PRIMARY KEY (kind, model_key))",
      "CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL)",
      "INSERT INTO meta(key, value) VALUES ('generation', '0')"));

  private CatalogueSchema() {}

  /**
   * Brings a database to {@link #VERSION}, each migration in its own transaction. The version is read again inside
   * each write transaction, so two processes opening a new data directory at once migrate it once.
   *
   * @param c the writer connection, in auto-commit mode, whose transactions are {@code IMMEDIATE}
   * @param file the database file, for messages
   * @throws CatalogueException if the database is newer than this code
   */
  static void migrate(Connection c, Path file) throws SQLException {
    checkNotNewer(userVersion(c), file);
    for (int v = userVersion(c); v < VERSION; v = userVersion(c)) {
      c.setAutoCommit(false);
      try (Statement s = c.createStatement()) {
        if (userVersion(c) != v) { // another process migrated meanwhile
          c.rollback();
          continue;
        }
        for (String sql : MIGRATIONS.get(v)) {
          s.execute(sql);
        }
        s.execute("PRAGMA user_version = " + (v + 1));
        c.commit();
      } catch (SQLException e) {
        c.rollback();
        throw e;
      } finally {
        c.setAutoCommit(true);
      }
    }
  }

  private static void checkNotNewer(int version, Path file) {
    if (version > VERSION) {
      throw new CatalogueException("catalogue " + file + " has schema version " + version
          + " but this FindMyPic knows only up to " + VERSION + ": upgrade FindMyPic or use another data directory");
    }
  }

  static int userVersion(Connection c) throws SQLException {
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("PRAGMA user_version")) {
      return rs.next() ? rs.getInt(1) : 0;
    }
  }
}
