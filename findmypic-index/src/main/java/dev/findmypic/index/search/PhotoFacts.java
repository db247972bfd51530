package dev.findmypic.index.search;

import dev.findmypic.index.vectors.IdFilter;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A snapshot of the facts that filters and results need about every indexed photo (path, format, date taken) and
 * which photo each face is in, so that a filter is evaluated in memory inside the vector and keyword searches.
 * Reloaded when the catalogue's generation changes. Files and faces are kept in id order, so the accepted ids of a
 * filter come out sorted.
 */
final class PhotoFacts {
  /** What a filter and a hit need about one photo. */
  record Fact(long id, Path path, String pathText, String format, LocalDateTime takenAt) {}

  private final long generation;
  private final Fact[] files;
  private final Map<Long, Fact> byId;
  private final Map<String, Long> idByPath;
  private final long[] faceIds;
  private final long[] faceFiles;
  /** The last filter evaluated and its accepted file ids: pages of one query, and repeated queries, reuse it. */
  private volatile Accepted last;

  private record Accepted(SearchFilter filter, long[] files) {}

  private PhotoFacts(long generation, Fact[] files, long[] faceIds, long[] faceFiles) {
    this.generation = generation;
    this.files = files;
    this.faceIds = faceIds;
    this.faceFiles = faceFiles;
    this.byId = new HashMap<>(files.length * 2);
    this.idByPath = new HashMap<>(files.length * 2);
    for (Fact f : files) {
      byId.put(f.id(), f);
      idByPath.put(f.pathText(), f.id());
    }
  }

  static PhotoFacts load(Connection c, long generation) throws SQLException {
    List<Fact> files = new ArrayList<>();
    try (Statement s = c.createStatement()) {
      try (ResultSet rs = s.executeQuery(
          "SELECT id, path, format, taken_at FROM files WHERE status = 'INDEXED' ORDER BY id")) {
        while (rs.next()) {
          String path = rs.getString(2);
          String taken = rs.getString(4);
          files.add(new Fact(rs.getLong(1), Path.of(path), path, rs.getString(3),
              taken == null ? null : LocalDateTime.parse(taken)));
        }
      }
      long faces = 0;
      try (ResultSet rs = s.executeQuery("SELECT count(*) FROM faces")) {
        faces = rs.next() ? rs.getLong(1) : 0;
      }
      long[] faceIds = new long[(int) faces];
      long[] faceFiles = new long[(int) faces];
      int n = 0;
      try (ResultSet rs = s.executeQuery("SELECT id, file_id FROM faces ORDER BY id")) {
        while (rs.next() && n < faceIds.length) {
          faceIds[n] = rs.getLong(1);
          faceFiles[n++] = rs.getLong(2);
        }
      }
      return new PhotoFacts(generation, files.toArray(new Fact[0]), Arrays.copyOf(faceIds, n),
          Arrays.copyOf(faceFiles, n));
    }
  }

  long generation() {
    return generation;
  }

  Fact file(long id) {
    return byId.get(id);
  }

  Long idOf(Path path) {
    return idByPath.get(path.toAbsolutePath().normalize().toString());
  }

  long fileOfFace(long faceId) {
    int i = Arrays.binarySearch(faceIds, faceId);
    return i < 0 ? -1 : faceFiles[i];
  }

  /**
   * The filter over file ids: only indexed photos that pass.
   *
   * @param filter the user's filter
   * @return the id filter, listing the accepted ids
   */
  IdFilter fileFilter(SearchFilter filter) {
    return IdFilter.ofIds(acceptedFiles(filter));
  }

  /**
   * The filter over face ids: faces in photos that pass.
   *
   * @param filter the user's filter
   * @return the id filter, listing the accepted ids
   */
  IdFilter faceFilter(SearchFilter filter) {
    long[] acceptedFiles = acceptedFiles(filter);
    long[] accepted = new long[faceIds.length];
    int n = 0;
    for (int i = 0; i < faceIds.length; i++) {
      if (Arrays.binarySearch(acceptedFiles, faceFiles[i]) >= 0) {
        accepted[n++] = faceIds[i];
      }
    }
    return IdFilter.ofIds(Arrays.copyOf(accepted, n));
  }

  private long[] acceptedFiles(SearchFilter filter) {
    Accepted cached = last;
    if (cached != null && cached.filter().equals(filter)) {
      return cached.files();
    }
    long[] accepted = evaluate(filter);
    last = new Accepted(filter, accepted);
    return accepted;
  }

  private long[] evaluate(SearchFilter filter) {
    String[] prefixes = filter.folders().stream()
        .map(p -> p.toString().endsWith("/") ? p.toString() : p + "/")
        .toArray(String[]::new);
    long[] accepted = new long[files.length];
    int n = 0;
    for (Fact f : files) {
      if (passes(f, filter, prefixes)) {
        accepted[n++] = f.id();
      }
    }
    return Arrays.copyOf(accepted, n);
  }

  private static boolean passes(Fact f, SearchFilter filter, String[] prefixes) {
    if (prefixes.length > 0) {
      boolean inFolder = false;
      for (String prefix : prefixes) {
        inFolder |= f.pathText().startsWith(prefix);
      }
      if (!inFolder) {
        return false;
      }
    }
    if (!filter.formats().isEmpty() && (f.format() == null || !filter.formats().contains(f.format()))) {
      return false;
    }
    if (filter.takenFrom() != null && (f.takenAt() == null || f.takenAt().isBefore(filter.takenFrom()))) {
      return false;
    }
    return filter.takenBefore() == null || (f.takenAt() != null && f.takenAt().isBefore(filter.takenBefore()));
  }
}
