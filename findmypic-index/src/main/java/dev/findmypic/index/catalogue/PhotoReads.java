package dev.findmypic.index.catalogue;

import dev.findmypic.core.BoundingBox;
import dev.findmypic.core.TextLine;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The catalogue's read operations used by indexing and by the vector indexes. Each runs on the caller's connection. */
public final class PhotoReads {
  private PhotoReads() {}

  /**
   * Lists the roots.
   *
   * @param c a connection
   * @return the roots, by id
   */
  public static List<Root> roots(Connection c) throws SQLException {
    List<Root> roots = new ArrayList<>();
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT id, path FROM roots ORDER BY id")) {
      while (rs.next()) {
        roots.add(new Root(rs.getLong(1), Path.of(rs.getString(2))));
      }
    }
    return roots;
  }

  /**
   * Lists the files of one root with their analyses.
   *
   * @param c a connection
   * @param rootId the root
   * @return path → state
   */
  public static Map<Path, FileState> filesOfRoot(Connection c, long rootId) throws SQLException {
    Map<Long, Map<String, String>> analyses = new HashMap<>();
    try (PreparedStatement s = c.prepareStatement(
        "SELECT a.file_id, a.role, a.model_key FROM analyses a JOIN files f ON f.id = a.file_id WHERE f.root_id = ?")) {
      s.setLong(1, rootId);
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          analyses.computeIfAbsent(rs.getLong(1), k -> new HashMap<>()).put(rs.getString(2), rs.getString(3));
        }
      }
    }
    Map<Path, FileState> files = new LinkedHashMap<>();
    try (PreparedStatement s = c.prepareStatement(
        "SELECT id, root_id, path, size, mtime, content_hash, status, error FROM files WHERE root_id = ? ORDER BY id")) {
      s.setLong(1, rootId);
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          long id = rs.getLong(1);
          Path path = Path.of(rs.getString(3));
          files.put(path, new FileState(id, rs.getLong(2), path, rs.getLong(4), rs.getLong(5), rs.getString(6),
              FileStatus.valueOf(rs.getString(7)), rs.getString(8), analyses.getOrDefault(id, Map.of())));
        }
      }
    }
    return files;
  }

  /**
   * Returns the catalogue's generation, which every write transaction increments.
   *
   * @param c a connection
   * @return the generation
   */
  public static long generation(Connection c) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT CAST(value AS INTEGER) FROM meta WHERE key = 'generation'")) {
      return rs.next() ? rs.getLong(1) : 0;
    }
  }

  /**
   * Returns a vector set's generation, which every change to its vectors increments.
   *
   * @param c a connection
   * @param set the set
   * @return the generation, 0 for a set that never had a vector
   */
  public static long vectorSetGeneration(Connection c, VectorSetId set) throws SQLException {
    try (PreparedStatement s = c.prepareStatement(
        "SELECT generation FROM vector_sets WHERE kind = ? AND model_key = ?")) {
      s.setString(1, set.kind().name());
      s.setString(2, set.modelKey());
      try (ResultSet rs = s.executeQuery()) {
        return rs.next() ? rs.getLong(1) : 0;
      }
    }
  }

  /**
   * Receives the vectors of a set.
   */
  @FunctionalInterface
  public interface VectorSink {
    /**
     * Takes one vector.
     *
     * @param id the file id (image and text sets) or face id (face sets)
     * @param vector the vector
     */
    void accept(long id, float[] vector);
  }

  /**
   * Streams every vector of a set, in id order.
   *
   * @param c a connection
   * @param set the set
   * @param sink receives each vector
   * @return the number of vectors
   */
  public static int forEachVector(Connection c, VectorSetId set, VectorSink sink) throws SQLException {
    String sql = set.kind() == VectorKind.FACE
        ? "SELECT id, embedding FROM faces WHERE model_key = ? ORDER BY id"
        : "SELECT file_id, vector FROM embeddings WHERE model_key = ? AND kind = ? ORDER BY file_id";
    int n = 0;
    try (PreparedStatement s = c.prepareStatement(sql)) {
      s.setString(1, set.modelKey());
      if (set.kind() != VectorKind.FACE) {
        s.setString(2, set.kind().name());
      }
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          sink.accept(rs.getLong(1), Blobs.toVector(rs.getBytes(2)));
          n++;
        }
      }
    }
    return n;
  }

  /**
   * Counts what the catalogue holds.
   *
   * @param c a connection
   * @return the counts
   */
  public static CatalogueStats stats(Connection c) throws SQLException {
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
        "SELECT (SELECT count(*) FROM roots), (SELECT count(*) FROM files WHERE status = 'INDEXED'),"
            + " (SELECT count(*) FROM files WHERE status = 'FAILED'), (SELECT count(*) FROM faces),"
            + " (SELECT count(*) FROM ocr_lines), (SELECT count(*) FROM embeddings WHERE kind = 'IMAGE'),"
            + " (SELECT count(*) FROM embeddings WHERE kind = 'TEXT')")) {
      rs.next();
      return new CatalogueStats(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5),
          rs.getLong(6), rs.getLong(7));
    }
  }

  /**
   * Reads the OCR lines of some files.
   *
   * @param c a connection
   * @param fileIds the files
   * @return file id → its lines in reading order; files without lines are absent
   */
  public static Map<Long, List<TextLine>> ocrLines(Connection c, Collection<Long> fileIds) throws SQLException {
    Map<Long, List<TextLine>> lines = new HashMap<>();
    try (PreparedStatement s = c.prepareStatement(
        "SELECT text, polygon, confidence FROM ocr_lines WHERE file_id = ? ORDER BY line_no")) {
      for (long id : fileIds) {
        s.setLong(1, id);
        try (ResultSet rs = s.executeQuery()) {
          while (rs.next()) {
            lines.computeIfAbsent(id, k -> new ArrayList<>())
                .add(new TextLine(rs.getString(1), Points.parse(rs.getString(2)), rs.getFloat(3)));
          }
        }
      }
    }
    return lines;
  }

  /**
   * Reads the boxes of some faces.
   *
   * @param c a connection
   * @param faceIds the faces
   * @return face id → its box in full-size upright pixels
   */
  public static Map<Long, BoundingBox> faceBoxes(Connection c, Collection<Long> faceIds) throws SQLException {
    Map<Long, BoundingBox> boxes = new HashMap<>();
    try (PreparedStatement s = c.prepareStatement("SELECT x, y, w, h FROM faces WHERE id = ?")) {
      for (long id : faceIds) {
        s.setLong(1, id);
        try (ResultSet rs = s.executeQuery()) {
          if (rs.next()) {
            boxes.put(id, new BoundingBox(rs.getFloat(1), rs.getFloat(2), rs.getFloat(3), rs.getFloat(4)));
          }
        }
      }
    }
    return boxes;
  }
}
