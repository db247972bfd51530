package dev.findmypic.core.store;

import dev.findmypic.core.ModelException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A model whose files are on local disk, verified.
 *
 * @param ref what was asked for
 * @param directory the directory that holds the files (for a Hub model, {@code snapshots/<commit>})
 * @param revision the exact revision: a commit hash, a sha256 or a version
 * @param source where the files came from this time
 */
public record ResolvedModel(ModelRef ref, Path directory, String revision, Source source) {
  /** Where a resolved model's files came from. */
  public enum Source {
    /** A directory the user named. */
    LOCAL,
    /** Already in the cache (possibly put there by a Python tool). */
    CACHE,
    /** Downloaded just now. */
    DOWNLOADED,
    /** Extracted from a jar on the class path. */
    CLASSPATH
  }

  /**
   * Returns one of the model's files.
   *
   * @param relativePath the file's path inside the model, for example {@code config.json}
   * @return its path on disk
   * @throws ModelException naming the model and directory if the file is not there
   */
  public Path file(String relativePath) {
    Path p = directory.resolve(relativePath).normalize();
    if (!p.startsWith(directory.normalize()) || !Files.isRegularFile(p)) {
      throw new ModelException("model " + ref.id() + " has no file '" + relativePath + "' in " + directory);
    }
    return p;
  }
}
