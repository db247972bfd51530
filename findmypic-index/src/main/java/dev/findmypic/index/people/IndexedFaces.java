package dev.findmypic.index.people;

import dev.findmypic.core.BoundingBox;
import dev.findmypic.core.QueryException;
import dev.findmypic.index.catalogue.Blobs;
import dev.findmypic.index.catalogue.Catalogue;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;

/** Reads the faces the indexing pipeline stored for one photo, so that no photo of the library is analysed twice. */
final class IndexedFaces {
  /** A stored face: its box and unit vector. */
  record Face(BoundingBox box, float[] vector) {}

  private IndexedFaces() {}

  /**
   * Reads the faces of an indexed photo.
   *
   * @param catalogue the library's catalogue
   * @param photo the photo's path
   * @param modelKey the face model whose faces to read
   * @return its faces in detection order; empty when it has none
   * @throws QueryException if the photo is not indexed
   */
  static List<Face> of(Catalogue catalogue, Path photo, String modelKey) {
    String path = photo.toAbsolutePath().normalize().toString();
    List<Face> faces = catalogue.read(c -> {
      try (PreparedStatement s = c.prepareStatement("SELECT status FROM files WHERE path = ?")) {
        s.setString(1, path);
        try (ResultSet rs = s.executeQuery()) {
          if (!rs.next() || !"INDEXED".equals(rs.getString(1))) {
            return null;
          }
        }
      }
      List<Face> out = new ArrayList<>();
      try (PreparedStatement s = c.prepareStatement("SELECT fa.x, fa.y, fa.w, fa.h, fa.embedding FROM faces fa"
          + " JOIN files f ON f.id = fa.file_id WHERE f.path = ? AND fa.model_key = ? ORDER BY fa.id")) {
        s.setString(1, path);
        s.setString(2, modelKey);
        try (ResultSet rs = s.executeQuery()) {
          while (rs.next()) {
            out.add(new Face(new BoundingBox(rs.getFloat(1), rs.getFloat(2), rs.getFloat(3), rs.getFloat(4)),
                Blobs.toVector(rs.getBytes(5))));
          }
        }
      }
      return out;
    });
    if (faces == null) {
      throw new QueryException("the photo " + path + " is not indexed in this library: add its folder as a root and"
          + " index it, or pass the decoded picture instead");
    }
    return faces;
  }
}
