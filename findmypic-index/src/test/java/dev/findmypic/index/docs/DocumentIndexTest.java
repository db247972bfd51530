package dev.findmypic.index.docs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Indexing, ranking, fusion and odd queries, with a controlled embedder and plain-text files. */
class DocumentIndexTest {
  @TempDir
  Path data;
  @TempDir
  Path docs;

  private final WordHashEmbedder embedder = new WordHashEmbedder("1");

  @Test
  void findsDocumentsByKeywordByMeaningAndByBothAndSaysWhichSignalMatched() throws IOException {
    write("birds.txt", "Migratory birds fly south for the winter.");
    write("cooking.md", "# Pasta\nBoil the pasta in salted water.");
    write("garden.html", "<html><body><p>Plant tulip bulbs in autumn.</p></body></html>");
    try (DocumentIndex index = DocumentIndex.open(data, embedder, new TikaTextExtractor())) {
      assertThat(index.update(List.of(docs))).isEqualTo(new UpdateReport(3, 0, 0, 0, Map.of()));

      List<DocumentHit> keyword = index.search("pasta", 10, SearchMode.KEYWORD);
      assertThat(keyword).extracting(h -> h.path().getFileName().toString()).containsExactly("cooking.md");
      assertThat(keyword.get(0).signals()).containsExactly(Signal.KEYWORD);
      assertThat(keyword.get(0).passages().get(0).text()).contains("Boil the pasta");
      assertThat(keyword.get(0).passages().get(0).keywordScore()).isPositive();

      List<DocumentHit> semantic = index.search("tulip bulbs", 3, SearchMode.SEMANTIC);
      assertThat(semantic.get(0).path().getFileName().toString()).isEqualTo("garden.html");
      assertThat(semantic.get(0).score()).isGreaterThan(semantic.get(1).score());
      assertThat(semantic.get(0).passages().get(0).signals()).contains(Signal.SEMANTIC);

      List<DocumentHit> hybrid = index.search("birds in winter", 3);
      assertThat(hybrid.get(0).path().getFileName().toString()).isEqualTo("birds.txt");
      assertThat(hybrid.get(0).signals()).containsExactlyInAnyOrder(Signal.KEYWORD, Signal.SEMANTIC);
      // reciprocal rank fusion: first in both rankings, so 2 / (60 + 1)
      assertThat(hybrid.get(0).score()).isEqualTo(2.0 / 61);
    }
  }

  @Test
  void oddQueriesNeverThrowAndNeverInject() throws IOException {
    write("a.txt", "The library's catalog lists every book. NEAR the desk.");
    try (DocumentIndex index = DocumentIndex.open(data, embedder, new TikaTextExtractor())) {
      index.update(List.of(docs));
      String[] queries = {
        "", "   ", "\"", "\"\"\"", "*", "lib*", "NEAR", "NEAR(a b)", "'", "library's", "OR", "AND OR NOT",
        "(", ")", "((catalog", "catalog:book", "^book", "'; DROP TABLE documents; --", "🐶", "📚 book 📚",
        "x".repeat(10_000), "book ".repeat(2_000), "\u0000", "\\", "%_"
      };
      for (String query : queries) {
        for (SearchMode mode : SearchMode.values()) {
          assertThat(index.search(query, 5, mode)).as("%s '%s'", mode, query.length() > 20 ? query.substring(0, 20) : query)
              .allSatisfy(hit -> assertThat(hit.path()).isEqualTo(docs.resolve("a.txt")));
        }
      }
      assertThat(index.search("NEAR", 5, SearchMode.KEYWORD)).hasSize(1);
      assertThat(index.search("library's", 5, SearchMode.KEYWORD)).hasSize(1);
      assertThat(index.search("'; DROP TABLE documents; --", 5, SearchMode.KEYWORD)).isEmpty();
      // the table is still there
      assertThat(index.search("catalog", 5, SearchMode.KEYWORD)).hasSize(1);
      assertThat(index.search("", 5)).isEmpty();
    }
  }

  @Test
  void updatesSkipUnchangedFilesReindexChangedOnesAndDropRemovedOnes() throws IOException {
    Path kept = write("kept.txt", "unchanging words about rivers");
    Path changed = write("changed.txt", "first version about mountains");
    Path removed = write("removed.txt", "soon gone: deserts");
    try (DocumentIndex index = DocumentIndex.open(data, embedder, new TikaTextExtractor())) {
      index.update(List.of(docs));
      int embeddedBefore = embedder.embedded.get();

      Files.writeString(changed, "second version about glaciers and mountains");
      Files.setLastModifiedTime(changed, FileTime.fromMillis(Files.getLastModifiedTime(changed).toMillis() + 2000));
      Files.delete(removed);
      UpdateReport report = index.update(List.of(docs));

      assertThat(report).isEqualTo(new UpdateReport(0, 1, 1, 1, Map.of()));
      assertThat(embedder.embedded.get() - embeddedBefore).as("only the changed file is embedded").isEqualTo(1);
      assertThat(index.search("deserts", 5, SearchMode.KEYWORD)).isEmpty();
      assertThat(index.search("glaciers", 5, SearchMode.KEYWORD)).extracting(DocumentHit::path).containsExactly(changed);
      assertThat(index.search("rivers", 5, SearchMode.KEYWORD)).extracting(DocumentHit::path).containsExactly(kept);
    }
  }

  @Test
  void theIndexPersistsAndANewEmbeddingModelReembedsEverything() throws IOException {
    write("one.txt", "alpha beta");
    write("two.txt", "gamma delta");
    try (DocumentIndex index = DocumentIndex.open(data, embedder, new TikaTextExtractor())) {
      index.update(List.of(docs));
    }
    try (DocumentIndex reopened = DocumentIndex.open(data, embedder, new TikaTextExtractor())) {
      assertThat(reopened.update(List.of(docs))).isEqualTo(new UpdateReport(0, 0, 2, 0, Map.of()));
      assertThat(reopened.search("gamma", 5, SearchMode.SEMANTIC).get(0).path()).isEqualTo(docs.resolve("two.txt"));
    }
    WordHashEmbedder newModel = new WordHashEmbedder("2");
    try (DocumentIndex upgraded = DocumentIndex.open(data, newModel, new TikaTextExtractor())) {
      assertThat(upgraded.update(List.of(docs))).isEqualTo(new UpdateReport(0, 2, 0, 0, Map.of()));
      assertThat(newModel.embedded.get()).isEqualTo(2);
    }
  }

  @Test
  void anUnreadableFileIsReportedAndTheRestIndexed() throws IOException {
    write("good.txt", "readable text");
    Files.write(docs.resolve("broken.docx"), new byte[] {'P', 'K', 3, 4, 0, 0, 1, 2, 3});
    try (DocumentIndex index = DocumentIndex.open(data, embedder, new TikaTextExtractor())) {
      UpdateReport report = index.update(List.of(docs));
      assertThat(report.added()).isEqualTo(1);
      assertThat(report.failed()).containsOnlyKeys(docs.resolve("broken.docx"));
      assertThat(report.failed().get(docs.resolve("broken.docx"))).contains("broken.docx");
    }
  }

  @Test
  void aDataDirectoryWhoseIndexFileIsNotSqliteIsNamed() throws IOException {
    Files.writeString(data.resolve(DocumentIndex.FILE_NAME), "this is not a database, just some text ".repeat(100));
    assertThatThrownBy(() -> DocumentIndex.open(data, embedder, new TikaTextExtractor()))
        .isInstanceOf(DocumentException.class)
        .hasMessageContaining(data.resolve(DocumentIndex.FILE_NAME).toString());
  }

  @Test
  void aMissingRootIsNamed() {
    try (DocumentIndex index = DocumentIndex.open(data, embedder, new TikaTextExtractor())) {
      assertThatThrownBy(() -> index.update(List.of(docs.resolve("nope")))).isInstanceOf(DocumentException.class)
          .hasMessageContaining("nope");
    }
  }

  @Test
  void longDocumentsAreSplitIntoOverlappingPassagesAndTheBestOnesReturned() throws IOException {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < 500; i++) {
      text.append(i == 400 ? "zeppelin " : "filler" + (i % 7) + " ");
    }
    write("long.txt", text.toString());
    try (DocumentIndex index = DocumentIndex.open(data, embedder, new TikaTextExtractor())) {
      index.update(List.of(docs));
      DocumentHit hit = index.search("zeppelin", 1, SearchMode.KEYWORD).get(0);
      // 500 words in passages of 160 with a stride of 120: word 400 is in passages 2 (240..399 no) and 3 (360..499)
      assertThat(hit.passages()).extracting(Passage::ordinal).containsExactly(3);
      assertThat(hit.passages().get(0).text().split(" ")).hasSize(140);
    }
  }

  private Path write(String name, String text) throws IOException {
    return Files.writeString(docs.resolve(name), text);
  }
}
