package dev.findmypic.index.catalogue;

import java.nio.file.Path;
import java.util.Map;

/**
 * What the catalogue holds about one file.
 *
 * @param id the file id
 * @param rootId its root
 * @param path its absolute path
 * @param size its size when analysed
 * @param mtime its last-modified time when analysed, in milliseconds since the epoch
 * @param contentHash the hex SHA-256 of its content, or null
 * @param status indexed or failed
 * @param error the failure's reason, or null
 * @param analyses for each role that analysed it ({@code ModelRole.key()}), the model key used
 */
public record FileState(
    long id,
    long rootId,
    Path path,
    long size,
    long mtime,
    String contentHash,
    FileStatus status,
    String error,
    Map<String, String> analyses) {
  /** Copies the map so the record stays immutable. */
  public FileState {
    analyses = Map.copyOf(analyses);
  }
}
