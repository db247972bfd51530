package dev.findmypic.index.load;

import dev.findmypic.core.Picture;
import dev.findmypic.index.PhotoLibrary;
import dev.findmypic.index.search.FaceReference;
import dev.findmypic.index.text.FtsQuery;
import dev.findmypic.index.search.SearchFilter;
import dev.findmypic.index.search.SearchPage;
import dev.findmypic.index.search.SearchRequest;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;

/**
 * One query of each {@link QueryKind} against a library, with fixed inputs.
 *
 * @param folder a folder inside a root, for filtered queries
 * @param likeThis a picture for image queries
 * @param face a picture whose largest face is the face query
 * @param words what word queries look for
 */
public record QueryMix(Path folder, Picture likeThis, Picture face, String words) {
  private static final List<String> TEXTS = List.of("red", "green photo", "blue sky", "receipt", "a red green");

  /**
   * Runs one query.
   *
   * @param library the library
   * @param kind which query
   * @param n a counter that varies the query text
   * @return the page found
   */
  public SearchPage run(PhotoLibrary library, QueryKind kind, int n) {
    String text = TEXTS.get(n % TEXTS.size());
    return switch (kind) {
      case TEXT -> library.searchText(text, SearchRequest.firstPage(20));
      case IMAGE -> library.findSimilar(likeThis, false, SearchRequest.firstPage(20));
      case FACE -> library.findPerson(List.of(FaceReference.largestFace(face)), SearchRequest.firstPage(20));
      case WORDS -> library.searchWords(words, FtsQuery.Mode.PREFIX, SearchRequest.firstPage(20));
      case FILTERED -> library.searchText(text, SearchRequest.firstPage(20).withFilter(SearchFilter.builder()
          .folder(folder).taken(LocalDateTime.of(2020, 1, 1, 0, 0), LocalDateTime.of(2020, 7, 1, 0, 0)).build()));
      case PAGED -> library.searchText(text, SearchRequest.firstPage(20).withOffset(20 + 20 * (n % 3)));
    };
  }
}
