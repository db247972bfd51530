package dev.findmypic.index.catalogue;

import dev.findmypic.core.ModelRole;
import dev.findmypic.core.PhotoMetadata;
import dev.findmypic.core.TextLine;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.Collection;
import java.util.Map;

/**
 * The catalogue's write operations. Each runs inside the caller's transaction ({@link Catalogue#write}), keeps the
 * full-text table in step with the files, and increments the generation of every vector set it changes.
 */
public final class PhotoWrites {
  private PhotoWrites() {}

  /**
   * Adds a root, or finds it if present.
   *
   * @param c the writer connection
   * @param root an absolute, normalised folder path
   * @return its id
   */
  public static long addRoot(Connection c, Path root) throws SQLException {
    try (PreparedStatement s = c.prepareStatement("INSERT INTO roots(path) VALUES (?) ON CONFLICT(path) DO NOTHING")) {
      s.setString(1, root.toString());
      s.executeUpdate();
    }
    try (PreparedStatement s = c.prepareStatement("SELECT id FROM roots WHERE path = ?")) {
      s.setString(1, root.toString());
      try (ResultSet rs = s.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  /**
   * Removes a root and everything stored about its files.
   *
   * @param c the writer connection
   * @param root the root's path
   * @return true if it was a root
   */
  public static boolean removeRoot(Connection c, Path root) throws SQLException {
    try (PreparedStatement s = c.prepareStatement(
        "DELETE FROM photo_text WHERE rowid IN (SELECT f.id FROM files f JOIN roots r ON r.id = f.root_id"
            + " WHERE r.path = ?)")) {
      s.setString(1, root.toString());
      s.executeUpdate();
    }
    int removed;
    try (PreparedStatement s = c.prepareStatement("DELETE FROM roots WHERE path = ?")) {
      s.setString(1, root.toString());
      removed = s.executeUpdate();
    }
    if (removed > 0) {
      bumpAllVectorSets(c);
    }
    return removed > 0;
  }

  /**
   * Stores an analysed photo, replacing what the roles that ran had stored before.
   *
   * @param c the writer connection
   * @param photo the analysis
   * @return the file id
   */
  public static long putAnalysed(Connection c, AnalysedPhoto photo) throws SQLException {
    dropAnalysisOfOtherContent(c, photo.file());
    long id = upsertFile(c, photo.file(), photo.metadata(), FileStatus.INDEXED, null);
    Map<ModelRole, String> keys = photo.modelKeys();
    if (keys.containsKey(ModelRole.CLIP)) {
      replaceEmbedding(c, id, VectorKind.IMAGE, keys.get(ModelRole.CLIP), photo.imageVector());
    }
    if (keys.containsKey(ModelRole.TEXT)) {
      replaceEmbedding(c, id, VectorKind.TEXT, keys.get(ModelRole.TEXT), photo.textVector());
    }
    if (keys.containsKey(ModelRole.FACES)) {
      replaceFaces(c, id, keys.get(ModelRole.FACES), photo.faces());
    }
    if (keys.containsKey(ModelRole.OCR)) {
      replaceOcr(c, id, keys.get(ModelRole.OCR), photo);
    }
    recordAnalyses(c, id, keys);
    refreshFullText(c, id, photo.file().path());
    return id;
  }

  /**
   * Replaces a file's text vector alone, the rest of its analysis being current: after the text model changed, the
   * vector is recomputed from what the catalogue holds (name, OCR lines) without decoding the photo again.
   *
   * @param c the writer connection
   * @param fileId the file
   * @param file the file as found now (same path and content; size and mtime are updated)
   * @param key the text model's key
   * @param vector the new vector
   */
  public static void putTextVector(Connection c, long fileId, FileRef file, String key, float[] vector)
      throws SQLException {
    move(c, fileId, file);
    replaceEmbedding(c, fileId, VectorKind.TEXT, key, vector);
    recordAnalyses(c, fileId, Map.of(ModelRole.TEXT, key));
  }

  private static void recordAnalyses(Connection c, long id, Map<ModelRole, String> keys) throws SQLException {
    try (PreparedStatement s = c.prepareStatement(
        "INSERT INTO analyses(file_id, role, model_key) VALUES (?, ?, ?)"
            + " ON CONFLICT(file_id, role) DO UPDATE SET model_key = excluded.model_key")) {
      for (Map.Entry<ModelRole, String> e : keys.entrySet()) {
        s.setLong(1, id);
        s.setString(2, e.getKey().key());
        s.setString(3, e.getValue());
        s.addBatch();
      }
      s.executeBatch();
    }
  }

  /**
   * Records a file that could not be analysed, dropping whatever was stored for its earlier content.
   *
   * @param c the writer connection
   * @param file the file
   * @param reason why, naming the cause
   * @return the file id
   */
  public static long putFailed(Connection c, FileRef file, String reason) throws SQLException {
    long id = upsertFile(c, file, null, FileStatus.FAILED, reason);
    boolean hadVectors = deleteChildren(c, id);
    execute(c, "DELETE FROM photo_text WHERE rowid = ?", id);
    if (hadVectors) {
      bumpAllVectorSets(c);
    }
    return id;
  }

  /**
   * Moves a file's record to a new path (a file renamed or moved with the same content), keeping its analysis.
   *
   * @param c the writer connection
   * @param fileId the file
   * @param to where it is now
   */
  public static void move(Connection c, long fileId, FileRef to) throws SQLException {
    try (PreparedStatement s = c.prepareStatement(
        "UPDATE files SET root_id = ?, path = ?, name = ?, size = ?, mtime = ? WHERE id = ?")) {
      s.setLong(1, to.rootId());
      s.setString(2, to.path().toString());
      s.setString(3, fileName(to.path()));
      s.setLong(4, to.size());
      s.setLong(5, to.mtime());
      s.setLong(6, fileId);
      s.executeUpdate();
    }
    refreshFullText(c, fileId, to.path());
    bumpGeneration(c);
  }

  /**
   * Deletes files and everything stored about them.
   *
   * @param c the writer connection
   * @param fileIds the files
   */
  public static void deleteFiles(Connection c, Collection<Long> fileIds) throws SQLException {
    if (fileIds.isEmpty()) {
      return;
    }
    try (PreparedStatement text = c.prepareStatement("DELETE FROM photo_text WHERE rowid = ?");
        PreparedStatement file = c.prepareStatement("DELETE FROM files WHERE id = ?")) {
      for (long id : fileIds) {
        text.setLong(1, id);
        text.addBatch();
        file.setLong(1, id);
        file.addBatch();
      }
      text.executeBatch();
      file.executeBatch();
    }
    bumpAllVectorSets(c);
  }

  private static long upsertFile(Connection c, FileRef f, PhotoMetadata m, FileStatus status, String error)
      throws SQLException {
    try (PreparedStatement s = c.prepareStatement(
        "INSERT INTO files(root_id, path, name, size, mtime, content_hash, format, width, height, taken_at,"
            + " latitude, longitude, camera, orientation, status, error, indexed_at)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
            + " ON CONFLICT(path) DO UPDATE SET root_id = excluded.root_id, name = excluded.name,"
            + " size = excluded.size, mtime = excluded.mtime, content_hash = excluded.content_hash,"
            + " format = excluded.format, width = excluded.width, height = excluded.height,"
            + " taken_at = excluded.taken_at, latitude = excluded.latitude, longitude = excluded.longitude,"
            + " camera = excluded.camera, orientation = excluded.orientation, status = excluded.status,"
            + " error = excluded.error, indexed_at = excluded.indexed_at"
            + " RETURNING id")) {
      s.setLong(1, f.rootId());
      s.setString(2, f.path().toString());
      s.setString(3, fileName(f.path()));
      s.setLong(4, f.size());
      s.setLong(5, f.mtime());
      s.setString(6, f.contentHash());
      s.setString(7, m == null ? null : m.format());
      setInt(s, 8, m == null ? null : m.width());
      setInt(s, 9, m == null ? null : m.height());
      s.setString(10, m == null || m.takenAt() == null ? null : m.takenAt().toString());
      setDouble(s, 11, m == null ? null : m.latitude());
      setDouble(s, 12, m == null ? null : m.longitude());
      s.setString(13, m == null ? null : m.camera());
      setInt(s, 14, m == null ? null : m.orientation());
      s.setString(15, status.name());
      s.setString(16, error);
      s.setLong(17, System.currentTimeMillis());
      try (ResultSet rs = s.executeQuery()) {
        rs.next();
        bumpGeneration(c);
        return rs.getLong(1);
      }
    }
  }

  private static void replaceEmbedding(Connection c, long id, VectorKind kind, String key, float[] vector)
      throws SQLException {
    try (PreparedStatement s = c.prepareStatement(
        "DELETE FROM embeddings WHERE file_id = ? AND kind = ? RETURNING model_key")) {
      s.setLong(1, id);
      s.setString(2, kind.name());
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          bumpVectorSet(c, kind, rs.getString(1));
        }
      }
    }
    if (vector != null) {
      try (PreparedStatement s = c.prepareStatement(
          "INSERT INTO embeddings(file_id, kind, model_key, vector) VALUES (?, ?, ?, ?)")) {
        s.setLong(1, id);
        s.setString(2, kind.name());
        s.setString(3, key);
        s.setBytes(4, Blobs.of(vector));
        s.executeUpdate();
      }
    }
    bumpVectorSet(c, kind, key);
  }

  private static void replaceFaces(Connection c, long id, String key, java.util.List<FaceRecord> faces)
      throws SQLException {
    try (PreparedStatement s = c.prepareStatement("DELETE FROM faces WHERE file_id = ? RETURNING model_key")) {
      s.setLong(1, id);
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          bumpVectorSet(c, VectorKind.FACE, rs.getString(1));
        }
      }
    }
    try (PreparedStatement s = c.prepareStatement(
        "INSERT INTO faces(file_id, model_key, x, y, w, h, landmarks, score, embedding)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      for (FaceRecord f : faces) {
        s.setLong(1, id);
        s.setString(2, key);
        s.setFloat(3, f.face().box().x());
        s.setFloat(4, f.face().box().y());
        s.setFloat(5, f.face().box().width());
        s.setFloat(6, f.face().box().height());
        s.setString(7, Points.format(f.face().landmarks()));
        s.setFloat(8, f.face().score());
        s.setBytes(9, Blobs.of(f.embedding()));
        s.addBatch();
      }
      s.executeBatch();
    }
    bumpVectorSet(c, VectorKind.FACE, key);
  }

  private static void replaceOcr(Connection c, long id, String key, AnalysedPhoto photo) throws SQLException {
    execute(c, "DELETE FROM ocr_lines WHERE file_id = ?", id);
    try (PreparedStatement s = c.prepareStatement(
        "INSERT INTO ocr_lines(file_id, line_no, model_key, text, polygon, confidence) VALUES (?, ?, ?, ?, ?, ?)")) {
      int n = 0;
      for (TextLine line : photo.ocr().lines()) {
        s.setLong(1, id);
        s.setInt(2, n++);
        s.setString(3, key);
        s.setString(4, line.text());
        s.setString(5, Points.format(line.polygon()));
        s.setFloat(6, line.confidence());
        s.addBatch();
      }
      s.executeBatch();
    }
  }

  private static void refreshFullText(Connection c, long id, Path path) throws SQLException {
    execute(c, "DELETE FROM photo_text WHERE rowid = ?", id);
    try (PreparedStatement s = c.prepareStatement(
        "INSERT INTO photo_text(rowid, name, ocr) VALUES (?, ?,"
            + " (SELECT coalesce(group_concat(text, char(10)), '') FROM"
            + " (SELECT text FROM ocr_lines WHERE file_id = ? ORDER BY line_no)))")) {
      s.setLong(1, id);
      s.setString(2, fileName(path));
      s.setLong(3, id);
      s.executeUpdate();
    }
  }

  private static void dropAnalysisOfOtherContent(Connection c, FileRef file) throws SQLException {
    try (PreparedStatement s = c.prepareStatement("SELECT id, content_hash FROM files WHERE path = ?")) {
      s.setString(1, file.path().toString());
      try (ResultSet rs = s.executeQuery()) {
        if (rs.next() && !java.util.Objects.equals(rs.getString(2), file.contentHash()) && deleteChildren(c, rs.getLong(1))) {
          bumpAllVectorSets(c);
        }
      }
    }
  }

  private static boolean deleteChildren(Connection c, long id) throws SQLException {
    int vectors = execute(c, "DELETE FROM embeddings WHERE file_id = ?", id)
        + execute(c, "DELETE FROM faces WHERE file_id = ?", id);
    execute(c, "DELETE FROM ocr_lines WHERE file_id = ?", id);
    execute(c, "DELETE FROM analyses WHERE file_id = ?", id);
    return vectors > 0;
  }

  private static void bumpVectorSet(Connection c, VectorKind kind, String key) throws SQLException {
    try (PreparedStatement s = c.prepareStatement(
        "INSERT INTO vector_sets(kind, model_key, generation) VALUES (?, ?, 1)"
            + " ON CONFLICT(kind, model_key) DO UPDATE SET generation = generation + 1")) {
      s.setString(1, kind.name());
      s.setString(2, key);
      s.executeUpdate();
    }
  }

  private static void bumpAllVectorSets(Connection c) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.executeUpdate("UPDATE vector_sets SET generation = generation + 1");
    }
    bumpGeneration(c);
  }

  private static void bumpGeneration(Connection c) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.executeUpdate("UPDATE meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'generation'");
    }
  }

  private static int execute(Connection c, String sql, long id) throws SQLException {
    try (PreparedStatement s = c.prepareStatement(sql)) {
      s.setLong(1, id);
      return s.executeUpdate();
    }
  }

  private static String fileName(Path path) {
    Path name = path.getFileName();
    return name == null ? path.toString() : name.toString();
  }

  private static void setInt(PreparedStatement s, int i, Integer v) throws SQLException {
    if (v == null) {
      s.setNull(i, Types.INTEGER);
    } else {
      s.setInt(i, v);
    }
  }

  private static void setDouble(PreparedStatement s, int i, Double v) throws SQLException {
    if (v == null) {
      s.setNull(i, Types.REAL);
    } else {
      s.setDouble(i, v);
    }
  }
}
