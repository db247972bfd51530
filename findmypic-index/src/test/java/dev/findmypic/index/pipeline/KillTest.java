package dev.findmypic.index.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.findmypic.index.IndexSummary;
import dev.findmypic.index.LibraryOptions;
import dev.findmypic.index.PhotoLibrary;
import dev.findmypic.index.testing.FakeClip;
import dev.findmypic.index.testing.FakeDecoder;
import dev.findmypic.index.testing.Sql;
import dev.findmypic.index.testing.TestPhotos;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills a child JVM that is indexing a folder (SIGKILL, at random moments) several times, then checks that the
 * catalogue is sound and that a final run indexes every file exactly once, having analysed no file more often than
 * the work in flight at each kill allows.
 */
class KillTest {
  static final int BATCH = 4;
  private static final int PHOTOS = 60;
  private static final int KILLS = 3;

  @TempDir Path tmp;

  @Test
  void killedRunsResumeAndEveryFileEndsUpIndexedOnce() throws Exception {
    Path root = tmp.resolve("photos");
    for (int i = 0; i < PHOTOS; i++) {
      TestPhotos.write(root.resolve("d" + (i % 5)).resolve(i + ".png"), i * 0x020304, i);
    }
    Path data = tmp.resolve("data");
    Path log = tmp.resolve("decoded.log");
    Random random = new Random(2024);
    int killed = 0;
    for (int run = 0; run < KILLS; run++) {
      long before = lines(log);
      Process child = startChild(data, root, log);
      try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(),
          StandardCharsets.UTF_8))) {
        String line;
        while ((line = out.readLine()) != null && !line.equals("INDEXING")) {
          // wait until the child has opened the library
        }
        long deadline = System.currentTimeMillis() + 30_000;
        while (child.isAlive() && lines(log) == before && System.currentTimeMillis() < deadline) {
          Thread.sleep(5); // until the child has decoded its first photo
        }
        Thread.sleep(random.nextInt(1_200));
        if (child.isAlive()) {
          child.destroyForcibly();
          killed++;
        }
        assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
      }
    }
    assertThat(killed).as("the kills landed while the child was running").isGreaterThanOrEqualTo(KILLS - 1);

    try (PhotoLibrary library = PhotoLibrary.open(data, LibraryOptions.builder().decoder(new FakeDecoder())
        .clip(new FakeClip()).build())) {
      assertThat(library.checkIntegrity()).isEmpty();
      IndexSummary last = library.index(p -> { });
      assertThat(last.failures()).isEmpty();
      assertThat(last.added() + last.unchanged()).isEqualTo(PHOTOS);
      assertThat(library.checkIntegrity()).isEmpty();
    }
    assertThat(Sql.number(data, "SELECT count(*) FROM files WHERE status = 'INDEXED'")).isEqualTo(PHOTOS);
    assertThat(Sql.number(data, "SELECT count(DISTINCT path) FROM files")).isEqualTo(PHOTOS);
    assertThat(Sql.number(data, "SELECT count(*) FROM embeddings")).isEqualTo(PHOTOS);
    assertThat(Sql.number(data, "SELECT count(*) FROM photo_text")).isEqualTo(PHOTOS);

    List<String> decoded = Files.exists(log) ? Files.readAllLines(log) : List.of();
    Map<String, Long> perFile = decoded.stream().filter(l -> !l.isBlank())
        .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
    long repeats = perFile.values().stream().mapToLong(n -> n - 1).sum();
    // in flight at a kill: the prepared queue (2 batches), the batch being analysed, the analysed queue and the batch
    // being committed (1 each), and one file per preparing thread
    int inFlight = 5 * BATCH + 2;
    System.out.printf("kill test: %d kills, %d decodes in the children, %d repeated%n", killed, decoded.size(), repeats);
    assertThat(repeats).isLessThanOrEqualTo((long) killed * inFlight);
  }

  private static long lines(Path log) throws java.io.IOException {
    return Files.exists(log) ? Files.readAllLines(log).size() : 0;
  }

  private static Process startChild(Path data, Path root, Path log) throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    return new ProcessBuilder(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
        KillableIndexer.class.getName(), data.toString(), root.toString(), log.toString(), "200")
        .redirectErrorStream(true)
        .start();
  }
}
