package dev.findmypic.index.search;

import dev.findmypic.index.vectors.IdFilter;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongPredicate;

/**
 * A snapshot of the facts that filters and results need about every indexed photo (path, format, date taken) and
 * which photo each face is in, so that a filter is evaluated in memory inside the vector and keyword searches.
 * Reloaded when the catalogue's generation changes.
 */
final class PhotoFacts {
  /** What a filter and a hit need about one photo. */
  record Fact(long id, Path path, String pathText, String format, LocalDateTime takenAt) {}

  private final long generation;
  private final Map<Long, Fact> files;
  private final Map<String, Long> idByPath;
  private final Map<Long, Long> fileOfFace;

  private PhotoFacts(long generation, Map<Long, Fact> files, Map<String, Long> idByPath, Map<Long, Long> fileOfFace) {
    this.generation = generation;
    this.files = files;
    this.idByPath = idByPath;
    this.fileOfFace = fileOfFace;
  }

  static PhotoFacts load(Connection c, long generation) throws SQLException {
    Map<Long, Fact> files = new HashMap<>();
    Map<String, Long> idByPath = new HashMap<>();
    Map<Long, Long> fileOfFace = new HashMap<>();
    try (Statement s = c.createStatement()) {
      try (ResultSet rs = s.executeQuery("SELECT id, path, format, taken_at FROM files WHERE status = 'INDEXED'")) {
        while (rs.next()) {
          long id = rs.getLong(1);
          String path = rs.getString(2);
          String taken = rs.getString(4);
          files.put(id, new Fact(id, Path.of(path), path, rs.getString(3),
              taken == null ? null : LocalDateTime.parse(taken)));
          idByPath.put(path, id);
        }
      }
      try (ResultSet rs = s.executeQuery("SELECT id, file_id FROM faces")) {
        while (rs.next()) {
          fileOfFace.put(rs.getLong(1), rs.getLong(2));
        }
      }
    }
    return new PhotoFacts(generation, files, idByPath, fileOfFace);
  }

  long generation() {
    return generation;
  }

  Fact file(long id) {
    return files.get(id);
  }

  Long idOf(Path path) {
    return idByPath.get(path.toAbsolutePath().normalize().toString());
  }

  long fileOfFace(long faceId) {
    Long file = fileOfFace.get(faceId);
    return file == null ? -1 : file;
  }

  /**
   * The filter over file ids: only indexed photos that pass.
   *
   * @param filter the user's filter
   * @return the id filter, listing the accepted ids
   */
  IdFilter fileFilter(SearchFilter filter) {
    LongPredicate passes = passes(filter);
    long[] accepted = files.keySet().stream().mapToLong(Long::longValue).filter(passes).toArray();
    return IdFilter.ofIds(accepted);
  }

  /**
   * The filter over face ids: faces in photos that pass.
   *
   * @param filter the user's filter
   * @return the id filter, listing the accepted ids
   */
  IdFilter faceFilter(SearchFilter filter) {
    LongPredicate passes = passes(filter);
    long[] accepted = fileOfFace.entrySet().stream()
        .filter(e -> passes.test(e.getValue()))
        .mapToLong(Map.Entry::getKey)
        .toArray();
    return IdFilter.ofIds(accepted);
  }

  private LongPredicate passes(SearchFilter filter) {
    List<String> folders = filter.folders().stream().map(p -> p.toString().endsWith("/") ? p.toString()
        : p + "/").toList();
    String[] prefixes = folders.toArray(new String[0]);
    return id -> {
      Fact f = files.get(id);
      if (f == null) {
        return false;
      }
      if (prefixes.length > 0 && Arrays.stream(prefixes).noneMatch(f.pathText()::startsWith)) {
        return false;
      }
      if (!filter.formats().isEmpty() && (f.format() == null || !filter.formats().contains(f.format()))) {
        return false;
      }
      if (filter.takenFrom() != null && (f.takenAt() == null || f.takenAt().isBefore(filter.takenFrom()))) {
        return false;
      }
      return filter.takenBefore() == null || (f.takenAt() != null && f.takenAt().isBefore(filter.takenBefore()));
    };
  }
}
