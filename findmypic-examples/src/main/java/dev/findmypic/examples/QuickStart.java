package dev.findmypic.examples;

import dev.findmypic.core.ModelProvider;
import dev.findmypic.core.ModelRole;
import dev.findmypic.core.ModelSettings;
import dev.findmypic.index.LibraryOptions;
import dev.findmypic.index.PhotoLibrary;
import dev.findmypic.index.ProgressListener;
import dev.findmypic.index.search.PhotoHit;
import dev.findmypic.index.search.SearchRequest;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;

/** Index a folder and search it, in ten lines: {@code QuickStart <data dir> <photo folder> <query>}. */
public final class QuickStart {
  private QuickStart() {}

  /**
   * Indexes a folder and returns the best matches for a query.
   *
   * @param dataDir where the library keeps its catalogue
   * @param photos the folder of photos
   * @param query what to look for
   * @return the best ten matches
   */
  public static List<PhotoHit> indexAndSearch(Path dataDir, Path photos, String query) {
    LibraryOptions options = LibraryOptions.builder()
        .models(ModelProvider.load(), ModelSettings.defaults(dataDir), EnumSet.allOf(ModelRole.class))
        .build();
    try (PhotoLibrary library = PhotoLibrary.open(dataDir, options)) {
      library.addRoot(photos);
      library.index(ProgressListener.NONE);
      return library.searchText(query, SearchRequest.firstPage(10)).hits();
    }
  }

  /**
   * Runs the example.
   *
   * @param args data directory, photo folder, query
   */
  public static void main(String[] args) {
    indexAndSearch(Path.of(args[0]), Path.of(args[1]), args[2])
        .forEach(hit -> System.out.printf("%.3f  %s  %s%n", hit.score(), hit.signals().keySet(), hit.path()));
  }
}
