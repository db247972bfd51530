package dev.findmypic.index.load;

import dev.findmypic.core.Embedder;
import dev.findmypic.core.ModelRole;
import dev.findmypic.core.PhotoDecoder;
import dev.findmypic.core.testing.SharedData;
import dev.findmypic.index.IndexSummary;
import dev.findmypic.index.LibraryOptions;
import dev.findmypic.index.PhotoLibrary;
import dev.findmypic.index.testing.FakeFaces;
import dev.findmypic.models.clip.ClipEmbedder;
import dev.findmypic.models.image.OpenCvPhotoDecoder;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The load benchmark ({@code benchmarks/load/run.sh}): 8 threads run mixed queries without pause while a folder of
 * photos is indexed, then for a while at rest; reports queries, failures, p50/p95 in both phases, peak RSS and the
 * catalogue's integrity.
 *
 * <p>Analysers: the real OpenCV decoder, the real CLIP code with the tiny random-weight model
 * {@code ../shared/reference/clip-tiny-a} (32 px, so CLIP costs little and decoding dominates), and the face
 * stand-in {@link FakeFaces} (the colour blocks {@code make_photos.py} draws); no OCR, so word queries match file
 * names through the same full-text index.
 *
 * <p>Usage: {@code one PHOTOS DATA REST_SECONDS} (index and search in one process), {@code two PHOTOS DATA
 * REST_SECONDS} (search here while a child process indexes), {@code indexer PHOTOS DATA} (the child).
 */
public final class LoadBenchmark {
  private static final int QUERY_THREADS = 8;

  private LoadBenchmark() {}

  /**
   * Runs the benchmark.
   *
   * @param args mode, photo folder, data directory, seconds at rest
   * @throws Exception if it fails
   */
  public static void main(String[] args) throws Exception {
    String mode = args[0];
    Path photos = Path.of(args[1]).toAbsolutePath();
    Path data = Path.of(args[2]);
    switch (mode) {
      case "indexer" -> index(photos, data);
      case "one", "two" -> search(mode.equals("two"), photos, data, Integer.parseInt(args[3]));
      default -> throw new IllegalArgumentException("mode is one, two or indexer, not " + mode);
    }
  }

  /** @return the benchmark's analysers: OpenCV, the tiny CLIP and the face stand-in */
  static LibraryOptions.Builder options() {
    return LibraryOptions.builder().decoder(new OpenCvPhotoDecoder())
        .clip(ClipEmbedder.open(SharedData.path("reference/clip-tiny-a"), "clip-tiny-a", "random", 1, 16))
        .faces(new FakeFaces());
  }

  private static void index(Path photos, Path data) {
    try (PhotoLibrary library = PhotoLibrary.open(data, options().build())) {
      library.addRoot(photos);
      IndexSummary summary = library.index(p -> { });
      System.out.printf("indexer: %d added, %d failed in %s; peak RSS %d MB%n", summary.added(),
          summary.failures().size(), summary.elapsed(), PeakRss.megabytes());
    }
  }

  private static void search(boolean twoProcesses, Path photos, Path data, int restSeconds) throws Exception {
    QueryMix mix = queries(photos);
    Process child = twoProcesses ? startIndexer(photos, data) : null;
    Thread childOutput = child == null ? null : echo(child);
    try (PhotoLibrary library = PhotoLibrary.open(data, options().build())) {
      // the model loads on first use: load it now, as a host application would have, so no query waits for it
      Embedder clip = library.embedder(ModelRole.CLIP).orElseThrow();
      clip.embedTexts(List.of("warm up"));
      clip.embedImages(List.of(mix.likeThis()));
      CompletableFuture<IndexSummary> run = null;
      if (child == null) {
        library.addRoot(photos);
        run = library.indexAsync(p -> { });
      }
      long start = System.nanoTime();
      QueryLoad.awaitSearchable(library, 600_000);
      QueryLoad load = new QueryLoad(library, mix, QUERY_THREADS, "indexing");
      try (load) {
        if (run != null) {
          IndexSummary summary = run.get(2, TimeUnit.HOURS);
          System.out.printf("indexing: %d added, %d failed in %s%n", summary.added(), summary.failures().size(),
              summary.elapsed());
        } else {
          child.waitFor(2, TimeUnit.HOURS);
          childOutput.join();
          System.out.println("indexer exit code " + child.exitValue());
        }
        System.out.printf("indexing lasted %.1f s after the first commit%n", (System.nanoTime() - start) / 1e9);
        load.phase("at rest");
        Thread.sleep(restSeconds * 1_000L);
      }
      List<String> problems = library.checkIntegrity();
      System.out.printf("%s: during indexing %s; at rest %s%n", twoProcesses ? "two processes" : "one process",
          load.latency("indexing"), load.latency("at rest"));
      System.out.printf("failures: %d%s%n", load.failures().size(),
          load.failures().isEmpty() ? "" : " " + load.failures().subList(0, Math.min(5, load.failures().size())));
      System.out.printf("integrity: %s; indexed photos: %d; searcher peak RSS %d MB%n",
          problems.isEmpty() ? "ok" : problems, library.stats().catalogue().indexedFiles(), PeakRss.megabytes());
      if (!load.failures().isEmpty() || !problems.isEmpty()) {
        System.exit(1);
      }
    }
  }

  private static QueryMix queries(Path photos) throws IOException {
    PhotoDecoder decoder = new OpenCvPhotoDecoder();
    return new QueryMix(photos.resolve("d1"),
        decoder.decode(photos.resolve("d1").resolve("photo_0005.jpg"), 224).picture(),
        decoder.decode(photos.resolve("d3").resolve("photo_0003.jpg"), 0).picture(), "photo 01");
  }

  private static Process startIndexer(Path photos, Path data) throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    return new ProcessBuilder(java, "-Xmx1g", "-Dai.djl.offline=true", "-Dorg.slf4j.simpleLogger.log.ai.djl=error", "-cp", System.getProperty("java.class.path"),
        LoadBenchmark.class.getName(), "indexer", photos.toString(), data.toString())
        .redirectErrorStream(true).start();
  }

  private static Thread echo(Process child) {
    Thread t = new Thread(() -> {
      try (BufferedReader in = new BufferedReader(new InputStreamReader(child.getInputStream(),
          StandardCharsets.UTF_8))) {
        in.lines().filter(l -> l.startsWith("indexer:") || l.contains("ERROR") || l.contains("Exception"))
            .forEach(System.out::println);
      } catch (IOException e) {
        System.out.println("lost the indexer's output: " + e);
      }
    });
    t.start();
    return t;
  }

  /** The process's peak resident set (Linux {@code VmHWM}). */
  static final class PeakRss {
    private PeakRss() {}

    static long megabytes() {
      try {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
          if (line.startsWith("VmHWM:")) {
            return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
          }
        }
      } catch (IOException | NumberFormatException e) {
        return -1;
      }
      return -1;
    }
  }
}
