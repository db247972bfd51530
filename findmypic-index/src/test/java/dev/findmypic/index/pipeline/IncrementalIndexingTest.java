package dev.findmypic.index.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.findmypic.index.IndexProgress;
import dev.findmypic.index.IndexSummary;
import dev.findmypic.index.LibraryOptions;
import dev.findmypic.index.PhotoLibrary;
import dev.findmypic.index.testing.FakeClip;
import dev.findmypic.index.testing.FakeDecoder;
import dev.findmypic.index.testing.FakeFaces;
import dev.findmypic.index.testing.FakeOcr;
import dev.findmypic.index.testing.FakeTextEmbedder;
import dev.findmypic.index.testing.Sql;
import dev.findmypic.index.testing.TestPhotos;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IncrementalIndexingTest {
  @TempDir Path tmp;
  Path data;
  Path a;
  Path b;
  FakeClip clip = new FakeClip();
  FakeDecoder decoder = new FakeDecoder();
  FakeOcr ocr = new FakeOcr();

  @BeforeEach
  void photos() {
    data = tmp.resolve("data");
    a = tmp.resolve("a");
    b = tmp.resolve("b");
    TestPhotos.write(a.resolve("red.png"), 0xff0000, 0x000001, new TestPhotos.Face(3, 5, 5, 10));
    TestPhotos.write(a.resolve("green.png"), 0x00ff00, 0x000002);
    TestPhotos.write(a.resolve("sub/blue.png"), 0x0000ff, 0x000003);
    TestPhotos.write(b.resolve("other.png"), 0x808080, 0x000004);
    ocr.teach(0x000002, "TOTAL 12.50", "thank you");
  }

  private PhotoLibrary open(FakeClip withClip) {
    return PhotoLibrary.open(data, LibraryOptions.builder()
        .decoder(decoder).clip(withClip).textEmbedder(new FakeTextEmbedder()).faces(new FakeFaces()).ocr(ocr)
        .threads(2).batchSize(2).fileTimeout(Duration.ofSeconds(2)).build());
  }

  private List<List<String>> files() {
    return Sql.rows(data, "SELECT substr(path, " + (tmp.toString().length() + 2) + "), status FROM files ORDER BY path");
  }

  private long count(String table, String relativePath) {
    String column = table.equals("photo_text") ? "rowid" : "file_id";
    return Sql.number(data, "SELECT count(*) FROM " + table + " WHERE " + column
        + " IN (SELECT id FROM files WHERE path = '" + tmp.resolve(relativePath) + "')");
  }

  @Test
  void addsEverythingOnceThenSkipsUnchangedFiles() {
    try (PhotoLibrary library = open(clip)) {
      library.addRoot(a);
      library.addRoot(b);
      List<IndexProgress> events = new ArrayList<>();
      IndexSummary first = library.index(events::add);
      assertThat(first.added()).isEqualTo(4);
      assertThat(first.failures()).isEmpty();
      assertThat(files()).containsExactly(
          List.of("a/green.png", "INDEXED"), List.of("a/red.png", "INDEXED"),
          List.of("a/sub/blue.png", "INDEXED"), List.of("b/other.png", "INDEXED"));
      assertThat(Sql.number(data, "SELECT count(*) FROM embeddings WHERE kind = 'IMAGE' AND model_key = 'fake/clip@r1'"))
          .isEqualTo(4);
      assertThat(Sql.number(data, "SELECT count(*) FROM embeddings WHERE kind = 'TEXT'")).isEqualTo(4);
      assertThat(Sql.rows(data, "SELECT x, y, w, h FROM faces")).containsExactly(List.of("5.0", "5.0", "10.0", "10.0"));
      assertThat(Sql.rows(data, "SELECT text FROM ocr_lines ORDER BY line_no"))
          .containsExactly(List.of("TOTAL 12.50"), List.of("thank you"));
      assertThat(Sql.number(data, "SELECT count(*) FROM analyses")).isEqualTo(16);
      assertThat(library.checkIntegrity()).isEmpty();
      assertThat(events.get(events.size() - 1).stage()).isEqualTo(IndexProgress.Stage.DONE);
      assertThat(events.get(events.size() - 1).filesDone()).isEqualTo(4);
      assertThat(events).extracting(IndexProgress::filesDone).isSorted();

      IndexSummary second = library.index(p -> { });
      assertThat(second.unchanged()).isEqualTo(4);
      assertThat(second.added() + second.updated() + second.moved() + second.removed()).isZero();
      assertThat(clip.images.get()).isEqualTo(4);
    }
  }

  @Test
  void reanalysesChangedFilesKeepsMovedOnesAndRemovesGoneOnes() throws Exception {
    try (PhotoLibrary library = open(clip)) {
      library.addRoot(a);
      library.addRoot(b);
      library.index(p -> { });
      long redId = Sql.number(data, "SELECT id FROM files WHERE path LIKE '%/red.png'");

      TestPhotos.write(a.resolve("green.png"), 0x00ff00, 0x000009);
      Files.setLastModifiedTime(a.resolve("green.png"), FileTime.fromMillis(System.currentTimeMillis() + 5_000));
      Files.move(a.resolve("red.png"), a.resolve("sub/renamed.png"));
      Files.delete(a.resolve("sub/blue.png"));
      long blueId = Sql.number(data, "SELECT id FROM files WHERE path LIKE '%/blue.png'");

      IndexSummary summary = library.index(p -> { });
      assertThat(summary).extracting(IndexSummary::added, IndexSummary::updated, IndexSummary::moved,
          IndexSummary::removed, IndexSummary::unchanged).containsExactly(0, 1, 1, 1, 1);
      assertThat(clip.images.get()).as("only the changed file is analysed again").isEqualTo(5);
      assertThat(files()).containsExactly(List.of("a/green.png", "INDEXED"), List.of("a/sub/renamed.png", "INDEXED"),
          List.of("b/other.png", "INDEXED"));
      assertThat(Sql.number(data, "SELECT id FROM files WHERE path LIKE '%/renamed.png'")).isEqualTo(redId);
      assertThat(count("faces", "a/sub/renamed.png")).as("the moved photo keeps its face").isEqualTo(1);
      assertThat(Sql.rows(data, "SELECT name FROM photo_text WHERE rowid = " + redId))
          .containsExactly(List.of("renamed.png"));
      assertThat(count("ocr_lines", "a/green.png")).as("the changed photo lost its old text").isZero();
      for (String table : List.of("embeddings", "faces", "ocr_lines", "analyses")) {
        assertThat(Sql.number(data, "SELECT count(*) FROM " + table + " WHERE file_id = " + blueId)).isZero();
      }
      assertThat(Sql.number(data, "SELECT count(*) FROM photo_text WHERE rowid = " + blueId)).isZero();
      assertThat(library.checkIntegrity()).isEmpty();
    }
  }

  @Test
  void unreadableRootKeepsItsFilesAndRemovedRootLosesOnlyItsOwn() throws Exception {
    try (PhotoLibrary library = open(clip)) {
      library.addRoot(a);
      library.addRoot(b);
      library.index(p -> { });
      Files.move(b, tmp.resolve("b-unmounted"));
      IndexSummary summary = library.index(p -> { });
      assertThat(summary.removed()).isZero();
      assertThat(files()).hasSize(4);

      library.removeRoot(a);
      assertThat(files()).containsExactly(List.of("b/other.png", "INDEXED"));
      assertThat(Sql.number(data, "SELECT count(*) FROM photo_text")).isEqualTo(1);
      assertThat(Sql.number(data, "SELECT count(*) FROM embeddings")).isEqualTo(2);
      assertThat(library.checkIntegrity()).isEmpty();
    }
  }

  @Test
  void recordsFailuresWithReasonsAndGoesOn() throws Exception {
    Files.write(a.resolve("broken.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 1, 2, 3});
    Files.write(a.resolve("hang.png"), new byte[] {1});
    try (PhotoLibrary library = open(clip)) {
      library.addRoot(a);
      IndexSummary summary = library.index(p -> { });
      assertThat(summary.added()).isEqualTo(3);
      assertThat(summary.failures()).extracting(f -> f.path().getFileName().toString())
          .containsExactlyInAnyOrder("broken.png", "hang.png");
      assertThat(summary.failures()).filteredOn(f -> f.path().endsWith("broken.png")).singleElement()
          .satisfies(f -> assertThat(f.reason()).startsWith("ImageDecodeException: cannot decode"));
      assertThat(summary.failures()).filteredOn(f -> f.path().endsWith("hang.png")).singleElement()
          .satisfies(f -> assertThat(f.reason()).isEqualTo("timed out after 2 s"));
      assertThat(Sql.rows(data, "SELECT status, error IS NOT NULL FROM files WHERE path LIKE '%broken.png'"))
          .containsExactly(List.of("FAILED", "1"));
      IndexSummary again = library.index(p -> { });
      assertThat(again.failures()).as("a failed file is retried only once it changes").isEmpty();
      assertThat(again.unchanged()).isEqualTo(5);
      assertThat(library.checkIntegrity()).isEmpty();
    }
  }

  @Test
  void anotherModelRevisionReplacesTheVectorsAndNeverMixes() {
    try (PhotoLibrary library = open(clip)) {
      library.addRoot(a);
      library.index(p -> { });
    }
    FakeClip revised = new FakeClip("r2");
    try (PhotoLibrary library = open(revised)) {
      IndexSummary summary = library.index(p -> { });
      assertThat(summary.updated()).isEqualTo(3);
      assertThat(Sql.rows(data, "SELECT DISTINCT model_key FROM embeddings WHERE kind = 'IMAGE'"))
          .containsExactly(List.of("fake/clip@r2"));
      assertThat(Sql.number(data, "SELECT count(*) FROM embeddings WHERE kind = 'IMAGE'")).isEqualTo(3);
    }
  }

  @Test
  void missingAnalysersLeaveTheRestIndexedAndSaySo() {
    try (PhotoLibrary library = PhotoLibrary.open(data, LibraryOptions.builder().decoder(decoder).ocr(ocr).build())) {
      library.addRoot(a);
      IndexSummary summary = library.index(p -> { });
      assertThat(summary.added()).isEqualTo(3);
      assertThat(summary.disabled()).contains("visual search is off: no CLIP embedder",
          "face search is off: no face recogniser");
      assertThat(Sql.number(data, "SELECT count(*) FROM embeddings")).isZero();
      assertThat(Sql.number(data, "SELECT count(*) FROM ocr_lines")).isEqualTo(2);
      assertThat(library.stats().catalogue().indexedFiles()).isEqualTo(3);
    }
  }

  @Test
  void cancellingStopsTheRunAndTheNextRunFinishesIt() throws Exception {
    for (int i = 0; i < 40; i++) {
      TestPhotos.write(a.resolve("many/" + i + ".png"), 0x101010 * (i % 8), 0x100 + i);
    }
    try (PhotoLibrary library = open(clip)) {
      library.addRoot(a);
      var future = library.indexAsync(p -> { });
      future.cancel(true);
      assertThat(future).isCancelled();
      // the run itself notices and stops; wait for it to let go of the library
      long deadline = System.currentTimeMillis() + 10_000;
      IndexSummary rest = null;
      while (rest == null && System.currentTimeMillis() < deadline) {
        try {
          rest = library.index(p -> { });
        } catch (dev.findmypic.core.FindMyPicException busy) {
          Thread.sleep(50);
        }
      }
      assertThat(rest).isNotNull();
      assertThat(Sql.number(data, "SELECT count(*) FROM files WHERE status = 'INDEXED'")).isEqualTo(43);
      assertThat(library.checkIntegrity()).isEmpty();
    }
  }

  @Test
  void progressCountsAllFilesThatNeedWork() {
    try (PhotoLibrary library = open(clip)) {
      library.addRoot(a);
      List<IndexProgress> events = new ArrayList<>();
      library.index(events::add);
      assertThat(events).extracting(IndexProgress::stage).contains(IndexProgress.Stage.DISCOVERING,
          IndexProgress.Stage.ANALYSING, IndexProgress.Stage.REMOVING, IndexProgress.Stage.DONE);
      IndexProgress last = events.get(events.size() - 1);
      assertThat(last).extracting(IndexProgress::filesDone, IndexProgress::filesTotal).containsExactly(3L, 3L);
      assertThat(last.bytesDone()).isEqualTo(last.bytesTotal()).isPositive();
    }
  }

}
