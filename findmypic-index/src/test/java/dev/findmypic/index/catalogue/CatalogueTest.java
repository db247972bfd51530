package dev.findmypic.index.catalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.findmypic.core.CatalogueException;
import dev.findmypic.core.ModelRole;
import dev.findmypic.core.OcrResult;
import dev.findmypic.core.PhotoMetadata;
import dev.findmypic.core.Point;
import dev.findmypic.core.TextLine;
import dev.findmypic.index.testing.Sql;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CatalogueTest {
  @TempDir Path dir;

  private static AnalysedPhoto photo(long rootId, Path path, String hash, float[] vector, String... lines) {
    List<TextLine> text = java.util.Arrays.stream(lines)
        .map(l -> new TextLine(l, List.of(new Point(1, 2), new Point(3, 4)), 0.5f)).toList();
    return new AnalysedPhoto(new FileRef(rootId, path, 10, 20, hash),
        new PhotoMetadata("png", 4, 3, 6, LocalDateTime.of(2020, 1, 2, 3, 4), 51.5, -0.1, "cam"),
        Map.of(ModelRole.CLIP, "m@1", ModelRole.OCR, "o@1"), vector, null, List.of(), new OcrResult(text));
  }

  @Test
  void createsTheSchemaInWalModeAndReopens() {
    try (Catalogue catalogue = Catalogue.open(dir)) {
      assertThat(catalogue.checkIntegrity()).isEmpty();
    }
    assertThat(Sql.rows(dir, "PRAGMA user_version")).containsExactly(List.of("1"));
    assertThat(Sql.rows(dir, "PRAGMA journal_mode")).containsExactly(List.of("wal"));
    try (Catalogue again = Catalogue.open(dir)) {
      assertThat(again.read(PhotoReads::roots)).isEmpty();
    }
  }

  @Test
  void refusesACatalogueOfANewerSchema() throws Exception {
    try (Catalogue catalogue = Catalogue.open(dir)) {
      catalogue.write(c -> {
        try (Statement s = c.createStatement()) {
          s.execute("PRAGMA user_version = 99");
        }
        return null;
      });
    }
    assertThatThrownBy(() -> Catalogue.open(dir)).isInstanceOf(CatalogueException.class)
        .hasMessageContaining("schema version 99").hasMessageContaining("catalogue.db");
  }

  @Test
  void refusesAFileThatIsNotADatabase() throws Exception {
    Files.writeString(dir.resolve(Catalogue.FILE_NAME), "this is not SQLite ".repeat(100));
    assertThatThrownBy(() -> Catalogue.open(dir)).isInstanceOf(CatalogueException.class)
        .hasMessageContaining(dir.resolve(Catalogue.FILE_NAME).toString());
  }

  @Test
  void storesEverythingAboutAPhotoAndKeepsTheFullTextInStep() {
    try (Catalogue catalogue = Catalogue.open(dir)) {
      long root = catalogue.write(c -> PhotoWrites.addRoot(c, Path.of("/photos")));
      long id = catalogue.write(c -> PhotoWrites.putAnalysed(c,
          photo(root, Path.of("/photos/x.png"), "h1", new float[] {0.6f, 0.8f}, "hello world", "second")));
      assertThat(Sql.rows(dir, "SELECT name, format, width, height, taken_at, latitude, camera, orientation, status"
          + " FROM files")).containsExactly(
              List.of("x.png", "png", "4", "3", "2020-01-02T03:04", "51.5", "cam", "6", "INDEXED"));
      assertThat(Sql.rows(dir, "SELECT name, ocr FROM photo_text WHERE rowid = " + id))
          .containsExactly(List.of("x.png", "hello world\nsecond"));
      assertThat(Sql.rows(dir, "SELECT polygon FROM ocr_lines WHERE line_no = 0"))
          .containsExactly(List.of("1.0,2.0;3.0,4.0"));
      VectorSetId set = new VectorSetId(VectorKind.IMAGE, "m@1");
      float[][] seen = new float[1][];
      catalogue.read(c -> PhotoReads.forEachVector(c, set, (fileId, v) -> seen[0] = v));
      assertThat(seen[0]).containsExactly(0.6f, 0.8f);
      long before = catalogue.<Long>read(c -> PhotoReads.vectorSetGeneration(c, set));

      catalogue.write(c -> PhotoWrites.putFailed(c, new FileRef(root, Path.of("/photos/x.png"), 11, 21, "h2"),
          "ImageDecodeException: truncated"));
      assertThat(Sql.number(dir, "SELECT count(*) FROM photo_text")).isZero();
      assertThat(Sql.number(dir, "SELECT count(*) FROM embeddings")).isZero();
      assertThat(Sql.number(dir, "SELECT count(*) FROM ocr_lines")).isZero();
      long after = catalogue.<Long>read(c -> PhotoReads.vectorSetGeneration(c, set));
      assertThat(after).isGreaterThan(before);
      assertThat(catalogue.checkIntegrity()).isEmpty();
    }
  }

  @Test
  void integrityCheckFindsBrokenInvariants() {
    try (Catalogue catalogue = Catalogue.open(dir)) {
      long root = catalogue.write(c -> PhotoWrites.addRoot(c, Path.of("/photos")));
      catalogue.write(c -> PhotoWrites.putAnalysed(c, photo(root, Path.of("/photos/x.png"), "h", new float[] {1})));
      catalogue.write(c -> {
        try (Statement s = c.createStatement()) {
          s.execute("INSERT INTO photo_text(rowid, name, ocr) VALUES (999, 'ghost', '')");
          s.execute("DELETE FROM photo_text WHERE name = 'x.png'");
        }
        return null;
      });
      assertThat(catalogue.checkIntegrity()).containsExactlyInAnyOrder(
          "1 full-text rows without a file", "1 indexed files without a full-text row");
    }
  }

  @Test
  void readersSearchWhileTheWriterHoldsATransaction() throws Exception {
    try (Catalogue catalogue = Catalogue.open(dir)) {
      long root = catalogue.write(c -> PhotoWrites.addRoot(c, Path.of("/photos")));
      CountDownLatch writing = new CountDownLatch(1);
      CountDownLatch readDone = new CountDownLatch(1);
      ExecutorService writer = Executors.newSingleThreadExecutor();
      Future<?> write = writer.submit(() -> catalogue.write(c -> {
        PhotoWrites.putAnalysed(c, photo(root, Path.of("/photos/y.png"), "h", new float[] {1}));
        writing.countDown();
        try {
          readDone.await();
        } catch (InterruptedException e) {
          throw new IllegalStateException(e);
        }
        return null;
      }));
      writing.await();
      assertThat(catalogue.read(PhotoReads::stats).indexedFiles()).as("the uncommitted write is invisible").isZero();
      readDone.countDown();
      write.get();
      writer.shutdown();
      assertThat(catalogue.read(PhotoReads::stats).indexedFiles()).isEqualTo(1);
    }
  }
}
