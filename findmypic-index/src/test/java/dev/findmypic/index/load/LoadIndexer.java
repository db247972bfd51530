package dev.findmypic.index.load;

import dev.findmypic.index.IndexSummary;
import dev.findmypic.index.PhotoLibrary;
import java.nio.file.Path;

/**
 * The child process of {@link IndexingUnderLoadTest}: indexes a root of {@link LoadFixture} photos into a data
 * directory that the parent searches meanwhile, then prints "DONE added failures".
 *
 * <p>Arguments: data directory, root, photo count, milliseconds per decode.
 */
public final class LoadIndexer {
  private LoadIndexer() {}

  /**
   * Runs the indexer.
   *
   * @param args data directory, root, photo count, milliseconds per decode
   */
  public static void main(String[] args) {
    Path data = Path.of(args[0]);
    Path root = Path.of(args[1]);
    int count = Integer.parseInt(args[2]);
    long decodeMillis = Long.parseLong(args[3]);
    try (PhotoLibrary library = PhotoLibrary.open(data,
        LoadFixture.options(count, decodeMillis).threads(2).batchSize(8).build())) {
      library.addRoot(root);
      IndexSummary summary = library.index(p -> { });
      System.out.println("DONE " + summary.added() + " " + summary.failures().size());
    }
  }
}
