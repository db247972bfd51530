package dev.findmypic.index.load;

import static org.assertj.core.api.Assertions.assertThat;

import dev.findmypic.core.ModelRole;
import dev.findmypic.index.IndexSummary;
import dev.findmypic.index.PhotoLibrary;
import dev.findmypic.index.catalogue.VectorKind;
import dev.findmypic.index.search.SearchRequest;
import dev.findmypic.index.testing.Sql;
import dev.findmypic.index.text.FtsQuery;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Eight threads run mixed queries without pause while a folder is indexed, first in the indexing process, then from
 * a second process that searches the data directory a child JVM is indexing. No query may fail, the catalogue must
 * pass its integrity check, every photo must end up indexed once, and the vector index files written by the
 * searching process must be current. Latencies are printed, not asserted (see {@code benchmarks/load}).
 */
class IndexingUnderLoadTest {
  private static final int PHOTOS = 200;
  private static final int QUERY_THREADS = 8;
  private static final long DECODE_MILLIS = 15;

  @TempDir Path tmp;

  @Test
  void queriesDuringIndexingInOneProcessNeverFail() throws Exception {
    Path root = tmp.resolve("photos");
    LoadFixture.writePhotos(root, PHOTOS);
    Path data = tmp.resolve("data");
    try (PhotoLibrary library = PhotoLibrary.open(data,
        LoadFixture.options(PHOTOS, DECODE_MILLIS).threads(2).batchSize(8).exactSearchUpTo(32).build())) {
      library.addRoot(root);
      CompletableFuture<IndexSummary> run = library.indexAsync(p -> { });
      QueryLoad.awaitSearchable(library, 60_000);
      QueryLoad load = new QueryLoad(library, LoadFixture.queries(root), QUERY_THREADS, "indexing");
      IndexSummary summary;
      try (load) {
        summary = run.get(120, TimeUnit.SECONDS);
        load.phase("at rest");
        Thread.sleep(1_000);
      }
      System.out.printf("one process: during indexing %s; at rest %s%n", load.latency("indexing"),
          load.latency("at rest"));
      assertThat(load.failures()).isEmpty();
      assertThat(load.latency("indexing").queries()).as("queries ran while indexing").isGreaterThan(QUERY_THREADS);
      assertThat(summary.failures()).isEmpty();
      assertThat(summary.added()).isEqualTo(PHOTOS);
      assertThat(library.checkIntegrity()).isEmpty();
      assertThat(library.searchWords("receipt", FtsQuery.Mode.ALL_WORDS,
          SearchRequest.firstPage(1)).total()).isEqualTo(PHOTOS);
    }
    assertEveryPhotoIndexedOnce(data);
  }

  @Test
  void aSecondProcessSearchesWhileTheFirstIndexes() throws Exception {
    Path root = tmp.resolve("photos");
    LoadFixture.writePhotos(root, PHOTOS);
    Path data = tmp.resolve("data");
    Process child = startIndexer(data, root);
    QueryLoad load;
    // a vector index is built (and saved as an HNSW file) from 32 vectors on, so the searching process writes index
    // files while the indexing process changes the vectors they are derived from
    try (PhotoLibrary library = PhotoLibrary.open(data,
        LoadFixture.options(PHOTOS, 0).exactSearchUpTo(32).build())) {
      QueryLoad.awaitSearchable(library, 60_000);
      load = new QueryLoad(library, LoadFixture.queries(root), QUERY_THREADS, "indexing");
      try (load) {
        assertThat(child.waitFor(120, TimeUnit.SECONDS)).as("the indexer finished").isTrue();
        load.phase("at rest");
        Thread.sleep(1_000);
      }
      String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(child.exitValue()).as(output).isZero();
      assertThat(output).contains("DONE " + PHOTOS + " 0");
      System.out.printf("two processes: during indexing %s; at rest %s%n", load.latency("indexing"),
          load.latency("at rest"));
      assertThat(load.failures()).isEmpty();
      assertThat(load.latency("indexing").queries()).as("queries ran while indexing").isGreaterThan(QUERY_THREADS);
      assertThat(library.checkIntegrity()).isEmpty();
    }
    assertEveryPhotoIndexedOnce(data);
    try (Stream<Path> files = Files.list(data.resolve("vectors"))) {
      assertThat(files.map(p -> p.getFileName().toString())).as("no temporary index file is left")
          .isNotEmpty().allMatch(name -> name.endsWith(".hnsw"));
    }
    try (PhotoLibrary fresh = PhotoLibrary.open(data, LoadFixture.options(PHOTOS, 0).exactSearchUpTo(32).build())) {
      assertThat(fresh.vectorIndex(VectorKind.IMAGE).orElseThrow().size()).isEqualTo(PHOTOS);
      assertThat(fresh.embedder(ModelRole.CLIP)).isPresent();
    }
  }

  private Process startIndexer(Path data, Path root) throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    return new ProcessBuilder(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
        LoadIndexer.class.getName(), data.toString(), root.toString(), String.valueOf(PHOTOS),
        String.valueOf(DECODE_MILLIS))
        .redirectErrorStream(true)
        .start();
  }

  private static void assertEveryPhotoIndexedOnce(Path data) {
    assertThat(Sql.number(data, "SELECT count(*) FROM files WHERE status = 'INDEXED'")).isEqualTo(PHOTOS);
    assertThat(Sql.number(data, "SELECT count(DISTINCT path) FROM files")).isEqualTo(PHOTOS);
    assertThat(Sql.number(data, "SELECT count(*) FROM embeddings WHERE kind = 'IMAGE'")).isEqualTo(PHOTOS);
    assertThat(Sql.number(data, "SELECT count(*) FROM photo_text")).isEqualTo(PHOTOS);
    assertThat(Sql.number(data, "SELECT count(DISTINCT file_id) FROM faces")).isEqualTo((PHOTOS + 2) / 3);
  }
}
