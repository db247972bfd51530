package dev.findmypic.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.findmypic.core.ModelProvider;
import dev.findmypic.core.ModelRole;
import dev.findmypic.core.ModelSettings;
import dev.findmypic.core.testing.SharedData;
import dev.findmypic.index.IndexSummary;
import dev.findmypic.index.LibraryOptions;
import dev.findmypic.index.PhotoLibrary;
import dev.findmypic.index.ProgressListener;
import dev.findmypic.index.search.PhotoHit;
import dev.findmypic.index.search.SearchPage;
import dev.findmypic.index.search.SearchRequest;
import dev.findmypic.index.text.FtsQuery;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * End to end and offline over {@code fixtures/ocr}: the folder is indexed once, with the embedded PP-OCRv4 and the
 * embedded int8 all-MiniLM-L6-v2 that the class path brings (no Hub, no cache), and each of the 46 images with a
 * transcript is searched for by words of its transcript, chosen as {@link TranscriptQueries} says (the rarest words of
 * 4 or more characters, from the ground truth only, never from the OCR output). Two searches are measured:
 * <ul>
 *   <li>words in photos ({@code searchWords}), the 3 rarest words, as all words and as any word (issue 8);</li>
 *   <li>the normal text search ({@code searchText}, what {@code findmypic search "<words>"} runs: OCR BM25, file
 *       names and MiniLM over the OCR text, fused), the 2 rarest words; the image must be in the top 3 for at least
 *       80 % of the images (issue 11).</li>
 * </ul>
 * Each assertion is at the level measured on this branch (2026-11-26, 2 cores): the misses are images whose words
 * PP-OCR does not read (five tiny word crops with no text found, Thai, words read with a wrong letter or split by
 * spaces), listed on standard output.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OfflineOcrSearchTest {
  private PhotoLibrary library;
  private TranscriptQueries queries;
  private IndexSummary summary;
  private String config;

  @BeforeAll
  void indexTheFolderOnce(@TempDir Path dataDir) throws IOException {
    Path folder = SharedData.path("fixtures/ocr");
    queries = TranscriptQueries.read(folder);
    ModelSettings settings = new ModelSettings(dataDir, Map.of(), true, Runtime.getRuntime().availableProcessors());
    library = PhotoLibrary.open(dataDir, LibraryOptions.builder()
        .models(ModelProvider.load(), settings, EnumSet.of(ModelRole.OCR, ModelRole.TEXT))
        .build());
    library.addRoot(folder);
    summary = library.index(ProgressListener.NONE);
    config = Files.readString(dataDir.resolve("config.json"));
    System.out.printf("indexed %d images of fixtures/ocr in %s (%s)%n", summary.added(), summary.elapsed(),
        summary.disabled());
  }

  @AfterAll
  void close() {
    if (library != null) {
      library.close();
    }
  }

  @Test
  void theEmbeddedModelsIndexEveryImage() {
    assertThat(config).as("config.json records both embedded choices")
        .contains("PP-OCRv4 (embedded)").containsPattern("(?s)\"text\": \\{[^}]*\"source\": \"EMBEDDED\"");
    assertThat(summary.failures()).isEmpty();
    assertThat(summary.added()).isEqualTo(queries.images().size());
    assertThat(library.embedder(ModelRole.TEXT)).get().extracting(e -> e.info().id()).asString()
        .containsIgnoringCase("minilm");
  }

  @Test
  void wordsInPhotosFindEachImageByTheRarestWordsOfItsTranscript() {
    Recall all = measure(3, q -> library.searchWords(q, FtsQuery.Mode.ALL_WORDS, SearchRequest.firstPage(50)));
    Recall any = measure(3, q -> library.searchWords(q, FtsQuery.Mode.ANY_WORD, SearchRequest.firstPage(50)));
    System.out.printf("words in photos, 3 rarest words: ALL_WORDS %s; ANY_WORD %s%n", all, any);
    assertThat(all.images()).isEqualTo(46);
    assertThat(all.at1()).isGreaterThanOrEqualTo(30);
    assertThat(all.at5()).isGreaterThanOrEqualTo(30);
    assertThat(any.at1()).isGreaterThanOrEqualTo(34);
    assertThat(any.at5()).isGreaterThanOrEqualTo(34);
  }

  @Test
  void twoWordsOfATranscriptRankTheirImageInTheTopThree() {
    Recall text = measure(2, q -> library.searchText(q, SearchRequest.firstPage(50)));
    System.out.printf("text search, 2 rarest words: %s%n", text);
    assertThat(text.images()).isEqualTo(46);
    assertThat(text.at1()).isGreaterThanOrEqualTo(36);
    assertThat(text.at3()).as("in the top 3: measured 39 of 46; the issue asks for 80 %%, 37").isGreaterThanOrEqualTo(39);
    assertThat(text.at5()).isGreaterThanOrEqualTo(39);
  }

  private Recall measure(int words, Function<String, SearchPage> search) {
    int at1 = 0;
    int at3 = 0;
    int at5 = 0;
    List<TranscriptQueries.Image> images = queries.searchable();
    for (TranscriptQueries.Image image : images) {
      String query = queries.query(image, words);
      List<PhotoHit> hits = search.apply(query).hits();
      int rank = queries.rank(image, query, hits.stream().map(PhotoHit::path).toList());
      at1 += rank <= 1 ? 1 : 0;
      at3 += rank <= 3 ? 1 : 0;
      at5 += rank <= 5 ? 1 : 0;
      if (rank > 1) {
        System.out.printf("  rank %s for '%s' in %s; got %s%n", rank == Integer.MAX_VALUE ? "-" : rank, query,
            image.path().getFileName(), hits.stream().limit(3).map(h -> h.path().getFileName() + " " + h.signals())
                .toList());
      }
    }
    return new Recall(images.size(), at1, at3, at5);
  }

  /** How many of {@code images} queries found their image within the first 1, 3 and 5 results. */
  record Recall(int images, int at1, int at3, int at5) {
    @Override
    public String toString() {
      return String.format("n=%d recall@1=%d (%.3f) top3=%d (%.3f) recall@5=%d (%.3f)", images, at1,
          at1 / (double) images, at3, at3 / (double) images, at5, at5 / (double) images);
    }
  }
}
