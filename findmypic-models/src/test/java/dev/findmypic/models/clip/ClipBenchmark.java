package dev.findmypic.models.clip;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.findmypic.models.nn.MeanPooling;
import dev.findmypic.models.nn.PyTorchThreads;
import dev.findmypic.models.nn.TextTokenizer;
import dev.findmypic.models.nn.TokenBatch;
import dev.findmypic.models.nn.CheckpointWeights;
import dev.findmypic.models.testing.ReferenceArrays;
import dev.findmypic.models.text.bert.BertConfig;
import dev.findmypic.models.text.bert.BertModel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;

/**
 * The Java side of {@code benchmarks/clip/run.sh}: times the ViT-B/32 image tower at batch 1, 8 and 32, one text
 * query and MiniLM sentences on the random real-size weights that {@code bench_torch.py weights} wrote, after
 * checking its outputs against the ones that script computed with PyTorch. Prints one JSON object.
 *
 * <p>Usage: {@code ClipBenchmark WEIGHTS_DIR [THREADS [SECONDS [PARTS]]]}: each throughput figure is the median of
 * runs lasting at least SECONDS in all (and at least 3 runs), after one warm-up run (five for the text query). PARTS
 * (default {@code image,text,minilm}) picks what is timed. The text part also times {@value #QUERIES} queries of
 * varied length, one at a time as a search box sends them, through the real CLIP tokenizer in
 * {@code ../shared/models/clip-vit-base-patch32-tokenizer}, after {@value #WARM_QUERIES} warm-up queries, and gives
 * the 50th and 95th percentiles of their latency (tokeniser, model and normalisation) and the process CPU time per
 * query (a figure that load inflates less than wall time).
 */
public final class ClipBenchmark {
  static final int QUERIES = 200;
  static final int WARM_QUERIES = 50;
  private static final String[] WORDS = ("a photo of the red car at night on beach sunset with my dog cat running "
      + "in snow family birthday cake kitchen mountain lake old city street market children playing football "
      + "green field bridge river boat airport rain umbrella wedding dress flowers garden").split(" ");

  private ClipBenchmark() {}

  public static void main(String[] args) throws Exception {
    Path root = Path.of(args[0]);
    int threads = args.length > 1 ? Integer.parseInt(args[1]) : 2;
    double seconds = args.length > 2 ? Double.parseDouble(args[2]) : 3;
    List<String> parts = List.of((args.length > 3 ? args[3] : "image,text,minilm").split(","));
    try (NDManager manager = NDManager.newBaseManager("PyTorch")) {
      PyTorchThreads.set(threads);
      ReferenceArrays check = ReferenceArrays.read(manager, root.resolve("check.safetensors"));
      Path clipDir = root.resolve("clip-vit-b32-random");
      ClipModel clip;
      try (CheckpointWeights w = CheckpointWeights.open(clipDir.resolve("model.safetensors"), manager, null)) {
        clip = ClipModel.load(ClipConfig.read(clipDir.resolve("config.json")), w);
      }
      Path bertDir = root.resolve("minilm-l6-random");
      BertModel bert;
      try (CheckpointWeights w = CheckpointWeights.open(bertDir.resolve("model.safetensors"), manager, null)) {
        bert = BertModel.load(BertConfig.read(bertDir.resolve("config.json")), w);
      }
      StringBuilder json = new StringBuilder("{\"threads\": " + threads);
      try (NDManager scope = manager.newSubManager()) {
        NDArray pixels = scope.create(check.floats("pixels"), new Shape(2, 3, 224, 224));
        json.append(", \"parity_image_max_abs\": ").append(ReferenceArrays.maxAbsDiff(
            check.floats("image_features"), clip.encodeImages(pixels).features().toFloatArray()));
        TokenBatch ids = ones(check.longs("text_ids"));
        json.append(", \"parity_text_max_abs\": ").append(ReferenceArrays.maxAbsDiff(
            check.floats("text_features"), clip.encodeTexts(scope, ids).features().toFloatArray()));
        TokenBatch bertIds = ones(check.longs("bert_ids"));
        float[] s = dev.findmypic.core.Vectors.normalizeInPlace(MeanPooling.apply(
            bert.encode(scope, bertIds).lastHiddenState().toFloatArray(), bertIds.mask(), 1, bertIds.length(), 384));
        json.append(", \"parity_minilm_max_abs\": ")
            .append(ReferenceArrays.maxAbsDiff(check.floats("sentence_embedding"), s));
      }
      Random random = new Random(4);
      for (int batch : parts.contains("image") ? new int[] {1, 8, 32} : new int[0]) {
        float[] pixels = new float[batch * 3 * 224 * 224];
        for (int i = 0; i < pixels.length; i++) {
          pixels[i] = (float) random.nextGaussian();
        }
        double perSecond = timed(batch, seconds, 1, scope -> {
          NDArray input = scope.create(pixels, new Shape(batch, 3, 224, 224));
          clip.encodeImages(input).features().toFloatArray();
        }, manager);
        json.append(String.format(", \"images_b%d_per_s\": %.3f", batch, perSecond));
      }
      if (parts.contains("text")) {
        TokenBatch query = ones(new long[] {49406, 1579, 1615, 536, 930, 49407});
        double queries =
            timed(1, seconds, 5, scope -> clip.encodeTexts(scope, query).features().toFloatArray(), manager);
        json.append(String.format(", \"text_query_ms\": %.3f", 1000 / queries));
        json.append(textLatency(clip, manager));
      }
      if (!parts.contains("minilm")) {
        System.out.println(json.append('}'));
        return;
      }
      long[] sentenceIds = new long[32 * 16];
      for (int i = 0; i < sentenceIds.length; i++) {
        sentenceIds[i] = i % 16 == 0 ? 101 : i % 16 == 15 ? 102 : 1000 + random.nextInt(29000);
      }
      TokenBatch sentences = ones(sentenceIds, 32, 16);
      double perSecond = timed(32, seconds, 1, scope -> MeanPooling.apply(
          bert.encode(scope, sentences).lastHiddenState().toFloatArray(), sentences.mask(), 32, 16, 384), manager);
      json.append(String.format(", \"minilm_sentences_b32_len16_per_s\": %.3f}", perSecond));
      System.out.println(json);
    }
  }

  /** Latency percentiles of {@link #QUERIES} single queries of varied length, tokeniser included. */
  private static String textLatency(ClipModel clip, NDManager manager) {
    List<String> queries = new ArrayList<>();
    Random random = new Random(11);
    for (int i = 0; i < WARM_QUERIES + QUERIES; i++) {
      int words = i % 20 == 19 ? 60 : 1 + random.nextInt(20);
      StringBuilder text = new StringBuilder();
      for (int w = 0; w < words; w++) {
        text.append(w == 0 ? "" : " ").append(WORDS[random.nextInt(WORDS.length)]);
      }
      queries.add(text.toString());
    }
    var os = (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
        .getOperatingSystemMXBean();
    double[] total = new double[QUERIES];
    double[] tokenise = new double[QUERIES];
    long tokens = 0;
    long cpuStart = 0;
    Path tokenizerJson =
        dev.findmypic.core.testing.SharedData.path("models/clip-vit-base-patch32-tokenizer/tokenizer.json");
    try (TextTokenizer tokenizer = ClipEmbedder.openTokenizer(tokenizerJson)) {
      for (int i = 0; i < queries.size(); i++) {
        if (i == WARM_QUERIES) {
          cpuStart = os.getProcessCpuTime();
        }
        long t0 = System.nanoTime();
        TokenBatch batch = tokenizer.encode(List.of(queries.get(i)));
        long t1 = System.nanoTime();
        try (NDManager scope = manager.newSubManager()) {
          dev.findmypic.core.Vectors.normalizeInPlace(clip.encodeTexts(scope, batch).features().toFloatArray());
        }
        long t2 = System.nanoTime();
        if (i >= WARM_QUERIES) {
          total[i - WARM_QUERIES] = (t2 - t0) / 1e6;
          tokenise[i - WARM_QUERIES] = (t1 - t0) / 1e6;
          tokens += batch.length();
        }
      }
    }
    double cpuPerQuery = (os.getProcessCpuTime() - cpuStart) / 1e6 / QUERIES;
    java.util.Arrays.sort(total);
    java.util.Arrays.sort(tokenise);
    return String.format(", \"text_queries\": %d, \"text_mean_tokens\": %.1f, \"text_p50_ms\": %.3f, "
        + "\"text_p95_ms\": %.3f, \"text_max_ms\": %.3f, \"text_tokenise_p50_ms\": %.3f, "
        + "\"text_cpu_ms_per_query\": %.3f", QUERIES, (double) tokens / QUERIES, total[QUERIES / 2],
        total[QUERIES * 95 / 100], total[QUERIES - 1], tokenise[QUERIES / 2], cpuPerQuery);
  }

  private static TokenBatch ones(long[] ids) {
    return ones(ids, 1, ids.length);
  }

  private static TokenBatch ones(long[] ids, int batch, int length) {
    long[] mask = new long[ids.length];
    java.util.Arrays.fill(mask, 1);
    return new TokenBatch(batch, length, ids, mask);
  }

  /** Median items per second over runs of at least {@code minSeconds} in all, each in its own scope. */
  private static double timed(int items, double minSeconds, int warmup, Consumer<NDManager> work, NDManager parent) {
    for (int i = 0; i < warmup; i++) {
      try (NDManager scope = parent.newSubManager()) {
        work.accept(scope);
      }
    }
    List<Double> runs = new ArrayList<>();
    long start = System.nanoTime();
    while ((System.nanoTime() - start) / 1e9 < minSeconds || runs.size() < 3) {
      long t0 = System.nanoTime();
      try (NDManager scope = parent.newSubManager()) {
        work.accept(scope);
      }
      runs.add((System.nanoTime() - t0) / 1e9);
    }
    Collections.sort(runs);
    return items / runs.get(runs.size() / 2);
  }
}
