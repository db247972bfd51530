package dev.findmypic.core.testing;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Finds the shared models, reference outputs and fixtures that tests read in place from {@code ../shared} beside the
 * project root (the surefire property {@code findmypic.shared} points there).
 */
public final class SharedData {
  private SharedData() {}

  /** @return the shared directory */
  public static Path root() {
    String configured = System.getProperty("findmypic.shared");
    return Path.of(configured != null ? configured : "../shared").toAbsolutePath().normalize();
  }

  /**
   * Returns a shared file or directory, failing the test with a message naming it when it is missing.
   *
   * @param relative the path under the shared directory, for example {@code models/yunet}
   * @return the absolute path
   * @throws AssertionError if it does not exist
   */
  public static Path path(String relative) {
    Path p = root().resolve(relative);
    if (!Files.exists(p)) {
      throw new AssertionError("shared test resource missing: " + p
          + " (tests read ../shared beside the project root; see its README.md)");
    }
    return p;
  }
}
