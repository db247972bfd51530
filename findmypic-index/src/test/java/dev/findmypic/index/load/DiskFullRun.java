package dev.findmypic.index.load;

import dev.findmypic.index.IndexSummary;
import dev.findmypic.index.PhotoLibrary;
import dev.findmypic.index.catalogue.DiskFullException;
import dev.findmypic.index.search.SearchRequest;
import dev.findmypic.index.testing.Sql;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * One indexing run of {@code benchmarks/load/disk_full.sh}, whose data directory is a small tmpfs: indexes a folder
 * with the load benchmark's analysers, then searches (which saves an HNSW index file) and checks the catalogue,
 * whether or not the disk filled. Prints what happened; exits 0 when indexing completed, 3 on a
 * {@link DiskFullException}, 1 on anything else.
 *
 * <p>Arguments: photo folder, data directory.
 */
public final class DiskFullRun {
  private DiskFullRun() {}

  /**
   * Runs it.
   *
   * @param args photo folder, data directory
   * @throws IOException if the data directory cannot be listed
   */
  public static void main(String[] args) throws IOException {
    Path photos = Path.of(args[0]).toAbsolutePath();
    Path data = Path.of(args[1]);
    int exit = 0;
    // from 16 vectors on, a search builds an HNSW graph and saves it as a file in the data directory
    try (PhotoLibrary library = PhotoLibrary.open(data, LoadBenchmark.options().exactSearchUpTo(16).build())) {
      library.addRoot(photos);
      try {
        IndexSummary summary = library.index(p -> { });
        System.out.printf("index: completed: %d added, %d unchanged, %d failed%n", summary.added(),
            summary.unchanged(), summary.failures().size());
      } catch (DiskFullException e) {
        System.out.println("index: " + e.getClass().getSimpleName() + ": " + e.getMessage());
        exit = 3;
      } catch (RuntimeException e) {
        System.out.println("index: unexpected " + e);
        exit = 1;
      }
      try {
        System.out.println("search after the run: " + library.searchText("red", SearchRequest.firstPage(5)).total()
            + " hits");
      } catch (RuntimeException e) {
        System.out.println("search after the run failed: " + e);
        exit = 1;
      }
      System.out.println("integrity: " + (library.checkIntegrity().isEmpty() ? "ok" : library.checkIntegrity()));
      System.out.println("indexed photos: " + library.stats().catalogue().indexedFiles());
    }
    System.out.println("failed photos: " + Sql.rows(data, "SELECT path, error FROM files WHERE status = 'FAILED'"));
    try (Stream<Path> files = Files.list(data.resolve("vectors"))) {
      System.out.println("vector files: " + files.map(p -> p.getFileName().toString()).sorted().toList());
    } catch (IOException e) {
      System.out.println("vector files: none (" + e.getClass().getSimpleName() + ")");
    }
    System.exit(exit);
  }
}
