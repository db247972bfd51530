package dev.findmypic.examples;

import dev.findmypic.core.ModelProvider;
import dev.findmypic.index.LibraryOptions;
import dev.findmypic.index.PhotoLibrary;
import dev.findmypic.index.ProgressListener;
import dev.findmypic.index.search.PhotoHit;
import dev.findmypic.index.search.SearchRequest;
import java.nio.file.Path;
import java.util.List;

/**
 * Plug an embedder of your own into the library in place of CLIP:
 * {@code CustomEmbedderSearch <data dir> <photo folder> <colour>}.
 */
public final class CustomEmbedderSearch {
  private CustomEmbedderSearch() {}

  /**
   * Indexes a folder with {@link ColourEmbedder} and searches it by colour name.
   *
   * @param dataDir where the library keeps its catalogue
   * @param photos the folder of photos
   * @param colour for example {@code red}
   * @return the photos, most of that colour first
   */
  public static List<PhotoHit> search(Path dataDir, Path photos, String colour) {
    LibraryOptions options = LibraryOptions.builder()
        .decoder(ModelProvider.load().photoDecoder())
        .clip(new ColourEmbedder())
        .build();
    try (PhotoLibrary library = PhotoLibrary.open(dataDir, options)) {
      library.addRoot(photos);
      library.index(ProgressListener.NONE);
      return library.searchText(colour, SearchRequest.firstPage(10)).hits();
    }
  }

  /**
   * Runs the example.
   *
   * @param args data directory, photo folder, colour
   */
  public static void main(String[] args) {
    search(Path.of(args[0]), Path.of(args[1]), args[2]).forEach(h -> System.out.printf("%.3f  %s%n", h.score(), h.path()));
  }
}
