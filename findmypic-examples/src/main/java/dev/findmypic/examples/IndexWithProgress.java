package dev.findmypic.examples;

import dev.findmypic.core.ModelProvider;
import dev.findmypic.index.IndexProgress;
import dev.findmypic.index.IndexSummary;
import dev.findmypic.index.LibraryOptions;
import dev.findmypic.index.PhotoLibrary;
import dev.findmypic.index.ProgressListener;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;

/**
 * Index a folder in the background and follow its progress: {@code IndexWithProgress <data dir> <photo folder>}.
 * Only the decoder is configured here, so the library records each photo's metadata; add models with
 * {@code LibraryOptions.Builder.models(...)} as in {@link QuickStart}.
 */
public final class IndexWithProgress {
  private IndexWithProgress() {}

  /**
   * Indexes a folder asynchronously, reporting progress to a listener.
   *
   * @param dataDir where the library keeps its catalogue
   * @param photos the folder of photos
   * @param listener hears progress on the indexing thread
   * @return what was done
   */
  public static IndexSummary index(Path dataDir, Path photos, ProgressListener listener) {
    LibraryOptions options = LibraryOptions.builder().decoder(ModelProvider.load().photoDecoder()).build();
    try (PhotoLibrary library = PhotoLibrary.open(dataDir, options)) {
      library.addRoot(photos);
      CompletableFuture<IndexSummary> run = library.indexAsync(listener);
      return run.join(); // a UI would keep the future and offer run.cancel(false) as its Stop button
    }
  }

  /**
   * Runs the example.
   *
   * @param args data directory, photo folder
   */
  public static void main(String[] args) {
    IndexSummary summary = index(Path.of(args[0]), Path.of(args[1]), IndexWithProgress::print);
    System.out.printf("%n%d added, %d failed in %s%n", summary.added(), summary.failures().size(), summary.elapsed());
  }

  private static void print(IndexProgress p) {
    System.out.printf(Locale.ROOT, "\r%-10s %d/%d files, %.1f/s", p.stage(), p.filesDone(), p.filesTotal(),
        p.filesPerSecond());
  }
}
