package dev.findmypic.models.store;

import dev.findmypic.core.store.DownloadListener;
import dev.findmypic.core.store.ModelRef;
import dev.findmypic.core.store.ResolvedModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * Measures the store against the local fake Hub: download throughput (with and without the sha256 check), resume
 * after a cut, and resolving a cached model. The baseline, run in the same process against the same server, is
 * {@code curl -o} of the same file, and the JDK's own {@code HttpClient} writing it to a file. Run with {@code benchmarks/store/run.sh}.
 */
public final class StoreBenchmark {
  private static final String REPO = "bench/model";
  private static final String COMMIT = "0123456789abcdef0123456789abcdef01234567";

  private StoreBenchmark() {}

  /**
   * @param args size in MiB (default 256), repetitions (default 3)
   * @throws Exception on failure
   */
  public static void main(String[] args) throws Exception {
    int mib = args.length > 0 ? Integer.parseInt(args[0]) : 256;
    int reps = args.length > 1 ? Integer.parseInt(args[1]) : 3;
    byte[] content = TestStores.bytes(mib << 20, 42);
    try (FakeHub hub = new FakeHub()) {
      hub.addRepo(REPO, COMMIT);
      FakeHub.FileSpec spec = hub.addFile(REPO, COMMIT, "model.safetensors", content, true);
      ModelRef.Hub ref = new ModelRef.Hub(REPO, "main", List.of("model.safetensors"));
      List<Double> curl = new ArrayList<>();
      List<Double> jdk = new ArrayList<>();
      java.net.http.HttpClient client = java.net.http.HttpClient.newBuilder()
          .version(java.net.http.HttpClient.Version.HTTP_1_1).build();
      List<Double> store = new ArrayList<>();
      List<Double> hashOnly = new ArrayList<>();
      List<Double> cut = new ArrayList<>();
      List<Double> cached = new ArrayList<>();
      long[] sentAfterCut = new long[1];
      for (int r = 0; r < reps; r++) {
        Path root = Files.createTempDirectory("fmp-bench");
        Path curlOut = root.resolve("curl.bin");
        long t0 = System.nanoTime();
        Process p = new ProcessBuilder("curl", "-s", "-o", curlOut.toString(),
            hub.endpoint() + "/" + REPO + "/resolve/main/model.safetensors").inheritIO().start();
        if (p.waitFor() != 0) {
          throw new IllegalStateException("curl failed");
        }
        curl.add(seconds(t0));
        Files.delete(curlOut);

        t0 = System.nanoTime();
        client.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(
                hub.endpoint() + "/" + REPO + "/resolve/main/model.safetensors")).build(),
            java.net.http.HttpResponse.BodyHandlers.ofFile(curlOut));
        jdk.add(seconds(t0));
        Files.delete(curlOut);

        DefaultModelStore s = TestStores.store(TestStores.settings(root, hub.endpoint(), false));
        t0 = System.nanoTime();
        ResolvedModel m = s.resolve(ref, DownloadListener.NONE);
        store.add(seconds(t0));

        t0 = System.nanoTime();
        Digests.hash(Digests.Kind.SHA256, m.file("model.safetensors"));
        hashOnly.add(seconds(t0));

        t0 = System.nanoTime();
        ResolvedModel again = s.resolve(new ModelRef.Hub(REPO, COMMIT, List.of("model.safetensors")));
        cached.add(seconds(t0));
        if (again.source() != ResolvedModel.Source.CACHE) {
          throw new IllegalStateException("expected a cache hit");
        }

        Path root2 = Files.createTempDirectory("fmp-bench-cut");
        spec.dropAfter = content.length / 2;
        spec.dropsLeft.set(1);
        long[] maxSeen = {0};
        t0 = System.nanoTime();
        TestStores.store(TestStores.settings(root2, hub.endpoint(), false)).resolve(ref,
            (f, done, total) -> maxSeen[0] = Math.max(maxSeen[0], done));
        cut.add(seconds(t0));
        List<FakeHub.Request> gets = hub.requests("GET", "model.safetensors");
        String range = gets.get(gets.size() - 1).header("Range");
        sentAfterCut[0] = content.length - Long.parseLong(range.substring(6, range.length() - 1));
        deleteTree(root);
        deleteTree(root2);
      }
      double mb = content.length / 1e6;
      System.out.printf(Locale.ROOT, "file: %d MiB, repetitions: %d, cores: %d%n", mib, reps,
          Runtime.getRuntime().availableProcessors());
      row("curl -o (baseline, transfer only)", median(curl), mb);
      row("JDK HttpClient ofFile (transfer only)", median(jdk), mb);
      row("store resolve (transfer + sha256 + layout)", median(store), mb);
      row("sha256 of the file alone", median(hashOnly), mb);
      row("store resolve, cut at 50% then resumed", median(cut), mb);
      System.out.printf(Locale.ROOT, "resume fetched the last %.1f MB with Range (%.0f%% of the file)%n",
          sentAfterCut[0] / 1e6, 100.0 * sentAfterCut[0] / content.length);
      System.out.printf(Locale.ROOT, "cached resolve of a pinned commit: %.2f ms (no request)%n",
          median(cached) * 1000);
      System.out.printf(Locale.ROOT, "ratio store/curl time: %.2f%n", median(store) / median(curl));
    }
  }

  private static void row(String what, double s, double mb) {
    System.out.printf(Locale.ROOT, "%-45s %7.3f s  %8.1f MB/s%n", what, s, mb / s);
  }

  private static double seconds(long t0) {
    return (System.nanoTime() - t0) / 1e9;
  }

  private static double median(List<Double> xs) {
    List<Double> s = new ArrayList<>(xs);
    Collections.sort(s);
    return s.get(s.size() / 2);
  }

  private static void deleteTree(Path root) throws java.io.IOException {
    try (var walk = Files.walk(root)) {
      walk.sorted(Collections.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }
}
