package dev.findmypic.index.people;

import dev.findmypic.core.BoundingBox;
import dev.findmypic.core.CatalogueException;
import dev.findmypic.index.catalogue.Blobs;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The gallery's SQLite file: one row per reference face. A person exists while they have a reference. One
 * connection, used under this object's lock, in WAL mode so that another process can read while this one writes.
 */
final class GalleryStore implements AutoCloseable {
  private static final int SCHEMA_VERSION = 1;
  private static final String SCHEMA = "CREATE TABLE IF NOT EXISTS face_references(id INTEGER PRIMARY KEY,"
      + " person TEXT NOT NULL, model_key TEXT NOT NULL, vector BLOB NOT NULL, source TEXT,"
      + " x REAL, y REAL, w REAL, h REAL, enrolled INTEGER NOT NULL)";
  private static final String COLUMNS = "id, person, source, x, y, w, h, model_key, enrolled, vector";

  /** A reference as stored, with its vector. */
  record Stored(EnrolledFace face, float[] vector) {}

  private final Path file;
  private final Connection connection;

  private GalleryStore(Path file, Connection connection) {
    this.file = file;
    this.connection = connection;
  }

  /**
   * Opens (creating if needed) the store.
   *
   * @param file the SQLite file
   * @return the store
   * @throws CatalogueException naming the file if it cannot be opened, is not a gallery, or is of a newer schema
   */
  static GalleryStore open(Path file) {
    Connection c = null;
    try {
      c = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
      try (Statement s = c.createStatement()) {
        s.execute("PRAGMA busy_timeout = 5000");
        s.execute("PRAGMA journal_mode = WAL");
        s.execute("PRAGMA synchronous = NORMAL");
        int version;
        try (ResultSet rs = s.executeQuery("PRAGMA user_version")) {
          version = rs.getInt(1);
        }
        if (version > SCHEMA_VERSION) {
          throw new CatalogueException("the face gallery " + file + " has schema version " + version
              + ", newer than this FindMyPic understands (" + SCHEMA_VERSION + "); upgrade FindMyPic");
        }
        s.execute(SCHEMA);
        s.execute("CREATE INDEX IF NOT EXISTS face_references_person ON face_references(person)");
        s.execute("PRAGMA user_version = " + SCHEMA_VERSION);
      }
      return new GalleryStore(file, c);
    } catch (SQLException | RuntimeException e) {
      closeQuietly(c);
      if (e instanceof CatalogueException ce) {
        throw ce;
      }
      throw new CatalogueException("cannot open the face gallery " + file + ": " + e.getMessage()
          + " (is it a FindMyPic people.db? move it away to start afresh)", e);
    }
  }

  /**
   * Adds a reference.
   *
   * @return the stored reference
   */
  synchronized EnrolledFace add(String person, String modelKey, float[] vector, String source, BoundingBox box,
      Instant enrolled) {
    try (PreparedStatement p = connection.prepareStatement("INSERT INTO face_references(person, model_key, vector,"
        + " source, x, y, w, h, enrolled) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
      p.setString(1, person);
      p.setString(2, modelKey);
      p.setBytes(3, Blobs.of(vector));
      p.setString(4, source);
      float[] b = box == null ? null : new float[] {box.x(), box.y(), box.width(), box.height()};
      for (int i = 0; i < 4; i++) {
        if (b == null) {
          p.setNull(5 + i, Types.REAL);
        } else {
          p.setFloat(5 + i, b[i]);
        }
      }
      p.setLong(9, enrolled.toEpochMilli());
      p.executeUpdate();
      try (ResultSet keys = p.getGeneratedKeys()) {
        keys.next();
        return new EnrolledFace(keys.getLong(1), person, source, box, modelKey, enrolled);
      }
    } catch (SQLException e) {
      throw failure("add a reference face of " + person, e);
    }
  }

  /** @return every reference, grouped by person (in name order), oldest first within a person */
  synchronized List<Stored> all() {
    return select("SELECT " + COLUMNS + " FROM face_references ORDER BY person, id", null);
  }

  /**
   * Returns one person's references.
   *
   * @param person the name
   * @return the references, oldest first
   */
  synchronized List<Stored> of(String person) {
    return select("SELECT " + COLUMNS + " FROM face_references WHERE person = ? ORDER BY id", person);
  }

  /**
   * Removes a person's references.
   *
   * @param person the name
   * @return how many were removed
   */
  synchronized int removePerson(String person) {
    return update("DELETE FROM face_references WHERE person = ?", p -> p.setString(1, person), "forget " + person);
  }

  /**
   * Removes one reference.
   *
   * @param id its id
   * @return true if it existed
   */
  synchronized boolean removeReference(long id) {
    return update("DELETE FROM face_references WHERE id = ?", p -> p.setLong(1, id), "remove reference " + id) > 0;
  }

  private interface Binder {
    void bind(PreparedStatement p) throws SQLException;
  }

  private int update(String sql, Binder binder, String what) {
    try (PreparedStatement p = connection.prepareStatement(sql)) {
      binder.bind(p);
      return p.executeUpdate();
    } catch (SQLException e) {
      throw failure(what, e);
    }
  }

  private List<Stored> select(String sql, String person) {
    List<Stored> out = new ArrayList<>();
    try (PreparedStatement p = connection.prepareStatement(sql)) {
      if (person != null) {
        p.setString(1, person);
      }
      try (ResultSet rs = p.executeQuery()) {
        while (rs.next()) {
          BoundingBox box = rs.getObject(4) == null ? null
              : new BoundingBox(rs.getFloat(4), rs.getFloat(5), rs.getFloat(6), rs.getFloat(7));
          EnrolledFace face = new EnrolledFace(rs.getLong(1), rs.getString(2), rs.getString(3), box,
              rs.getString(8), Instant.ofEpochMilli(rs.getLong(9)));
          byte[] blob = rs.getBytes(10);
          if (blob == null || blob.length % Float.BYTES != 0) {
            throw new CatalogueException("the face gallery " + file + " is damaged: reference " + face.id() + " of "
                + face.person() + " has a vector of " + (blob == null ? 0 : blob.length)
                + " bytes; remove it (FaceGallery.remove) and enrol the person again");
          }
          out.add(new Stored(face, Blobs.toVector(blob)));
        }
      }
      return out;
    } catch (SQLException | IllegalArgumentException e) {
      throw failure("read the reference faces", e);
    }
  }

  private CatalogueException failure(String what, Exception e) {
    return new CatalogueException("cannot " + what + " in the face gallery " + file + ": " + e.getMessage(), e);
  }

  /** @return the SQLite file */
  Path file() {
    return file;
  }

  /** Closes the connection. Idempotent. */
  @Override
  public synchronized void close() {
    closeQuietly(connection);
  }

  private static void closeQuietly(Connection c) {
    if (c != null) {
      try {
        c.close();
      } catch (SQLException ignored) {
        // nothing was pending: every statement runs in autocommit mode
      }
    }
  }
}
