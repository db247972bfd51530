package dev.findmypic.index.catalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.findmypic.index.IndexSummary;
import dev.findmypic.index.pipeline.Analysers;
import dev.findmypic.index.pipeline.IndexingPipeline;
import dev.findmypic.index.pipeline.PipelineOptions;
import dev.findmypic.index.testing.FakeClip;
import dev.findmypic.index.testing.FakeDecoder;
import dev.findmypic.index.testing.FakeOcr;
import dev.findmypic.index.testing.Sql;
import dev.findmypic.index.testing.TestPhotos;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A full disk while indexing, simulated with SQLite's {@code PRAGMA max_page_count} on the catalogue's writer
 * connection: SQLite then fails with {@code SQLITE_FULL} exactly as when the disk has no space left. Indexing must
 * stop with a {@link DiskFullException} naming the data directory, the catalogue must stay sound, and the next run
 * (space freed) must index every file exactly once, analysing only the files the first run did not commit.
 */
class DiskFullTest {
  private static final int PHOTOS = 80;
  private static final int BATCH = 4;
  /** Pages the database may grow by before it is "full": a few batches' worth, far from all of them. */
  private static final int ROOM_PAGES = 12;

  @TempDir Path tmp;

  @Test
  void indexingStopsWithAClearErrorAndTheNextRunCompletesEveryFileOnce() {
    Path root = tmp.resolve("photos");
    FakeOcr ocr = new FakeOcr();
    for (int i = 0; i < PHOTOS; i++) {
      int marker = 0x010000 + i;
      TestPhotos.write(root.resolve("p" + i + ".png"), i * 0x030201, marker);
      ocr.teach(marker, "receipt number " + i + " from the shop on the corner of a long street " + "x".repeat(i));
    }
    Path data = tmp.resolve("data");

    long committedBeforeFull;
    try (Catalogue catalogue = Catalogue.open(data)) {
      catalogue.write(c -> PhotoWrites.addRoot(c, root.toAbsolutePath()));
      catalogue.write(c -> {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("PRAGMA page_count")) {
          rs.next();
          s.execute("PRAGMA max_page_count = " + (rs.getLong(1) + ROOM_PAGES));
        }
        return null;
      });
      IndexingPipeline full = pipeline(catalogue, new FakeDecoder(), ocr);
      assertThatThrownBy(() -> full.run(catalogue.read(PhotoReads::roots), p -> { }, () -> false))
          .isInstanceOf(DiskFullException.class)
          .hasMessageContaining(data.toAbsolutePath().toString())
          .hasMessageContaining("is full (no space left)")
          .satisfies(e -> assertThat(((DiskFullException) e).dataDir()).isEqualTo(data.toAbsolutePath()));
      assertThat(catalogue.checkIntegrity()).isEmpty();
      committedBeforeFull = Sql.number(data, "SELECT count(*) FROM files");
    }
    System.out.printf("disk full: %d of %d photos committed before SQLITE_FULL%n", committedBeforeFull, PHOTOS);
    assertThat(committedBeforeFull).as("some batches fit before the disk filled").isBetween(1L, PHOTOS - 1L);
    assertThat(committedBeforeFull % BATCH).as("only whole batches are committed").isZero();

    FakeDecoder decoder = new FakeDecoder();
    try (Catalogue catalogue = Catalogue.open(data)) {
      IndexSummary next = pipeline(catalogue, decoder, ocr)
          .run(catalogue.read(PhotoReads::roots), p -> { }, () -> false);
      assertThat(next.failures()).isEmpty();
      assertThat(next.added()).isEqualTo(PHOTOS - committedBeforeFull);
      assertThat(next.unchanged()).isEqualTo(committedBeforeFull);
      assertThat(catalogue.checkIntegrity()).isEmpty();
    }
    assertThat(decoder.decoded.get()).as("files committed before the disk filled are not analysed again")
        .isEqualTo(PHOTOS - committedBeforeFull);
    assertThat(Sql.number(data, "SELECT count(*) FROM files WHERE status = 'INDEXED'")).isEqualTo(PHOTOS);
    assertThat(Sql.number(data, "SELECT count(DISTINCT path) FROM files")).isEqualTo(PHOTOS);
    assertThat(Sql.number(data, "SELECT count(*) FROM embeddings")).isEqualTo(PHOTOS);
    assertThat(Sql.number(data, "SELECT count(*) FROM photo_text")).isEqualTo(PHOTOS);
    assertThat(Sql.number(data, "SELECT count(DISTINCT file_id) FROM ocr_lines")).isEqualTo(PHOTOS);
  }

  private static IndexingPipeline pipeline(Catalogue catalogue, FakeDecoder decoder, FakeOcr ocr) {
    return new IndexingPipeline(catalogue, new Analysers(decoder, new FakeClip(), null, null, ocr, Map.of()),
        new PipelineOptions(2, BATCH, Duration.ofSeconds(30)));
  }
}
