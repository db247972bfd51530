package dev.findmypic.core.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * A private directory in which a fuzz target writes its input under a fixed file name, so that readers that take a
 * {@link Path} can be fuzzed. After each input it checks that the code under test wrote nothing beside the files the
 * target itself put there.
 */
public final class FuzzScratch {
  private final Path dir;

  private FuzzScratch(Path dir) {
    this.dir = dir;
  }

  /**
   * @param prefix names the directory, for example the target's name
   * @return a new, empty scratch directory under {@code java.io.tmpdir}, deleted when the JVM exits
   */
  public static FuzzScratch create(String prefix) {
    try {
      Path dir = Files.createTempDirectory("fuzz-" + prefix);
      dir.toFile().deleteOnExit();
      return new FuzzScratch(dir);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create a fuzz scratch directory", e);
    }
  }

  /** @return the directory */
  public Path dir() {
    return dir;
  }

  /**
   * Writes a file in the directory, replacing any earlier one.
   *
   * @param name the file name
   * @param content its bytes
   * @return its path
   */
  public Path write(String name, byte[] content) {
    try {
      Path file = dir.resolve(name);
      Files.write(file, content);
      file.toFile().deleteOnExit();
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write fuzz input " + name, e);
    }
  }

  /**
   * Fails unless the directory holds exactly the named files (and nothing was written in a sub-directory).
   *
   * @param expected the names the target wrote
   * @throws AssertionError naming the unexpected files
   */
  public void assertOnly(String... expected) {
    try (Stream<Path> files = Files.list(dir)) {
      Set<String> found = new TreeSet<>();
      files.forEach(f -> found.add(f.getFileName().toString()));
      Set<String> wanted = new TreeSet<>(Set.of(expected));
      if (!found.equals(wanted)) {
        throw new AssertionError("the code under test changed its directory " + dir + ": expected " + wanted
            + ", found " + found);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
