package dev.findmypic.index.bench;

import dev.findmypic.core.BoundingBox;
import dev.findmypic.core.DetectedFace;
import dev.findmypic.core.Embedder;
import dev.findmypic.core.FaceRecognizer;
import dev.findmypic.core.Modality;
import dev.findmypic.core.ModelInfo;
import dev.findmypic.core.OcrEngine;
import dev.findmypic.core.OcrResult;
import dev.findmypic.core.Picture;
import dev.findmypic.core.Point;
import dev.findmypic.core.TextLine;
import dev.findmypic.core.Vectors;
import dev.findmypic.index.IndexSummary;
import dev.findmypic.index.LibraryOptions;
import dev.findmypic.index.LibraryStats;
import dev.findmypic.index.PhotoLibrary;
import dev.findmypic.index.testing.FakeDecoder;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import javax.imageio.ImageIO;

/**
 * Pipeline throughput with instant fake analysers (512-d CLIP and face vectors, two OCR lines, a 384-d text vector),
 * so what is measured is the pipeline's own cost: discovery, hashing, queues, batching and catalogue commits. The
 * baseline, run in the same invocation, is decoding the same files one after another on one thread.
 *
 * <p>Arguments: photos (default 1000).
 */
public final class PipelineBenchmark {
  private PipelineBenchmark() {}

  /**
   * Runs the benchmark.
   *
   * @param args photos
   * @throws Exception if it fails
   */
  public static void main(String[] args) throws Exception {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
    Path dir = Files.createTempDirectory("fmp-pipeline-bench");
    Path photos = dir.resolve("photos");
    Random random = new Random(3);
    for (int i = 0; i < n; i++) {
      BufferedImage image = new BufferedImage(320, 240, BufferedImage.TYPE_INT_RGB);
      int base = random.nextInt(0x1000000);
      for (int y = 0; y < 240; y++) {
        for (int x = 0; x < 320; x++) {
          image.setRGB(x, y, base ^ (x * 13 + y * 7));
        }
      }
      Path file = photos.resolve("d" + (i % 20)).resolve(i + ".jpg");
      Files.createDirectories(file.getParent());
      ImageIO.write(image, "jpeg", file.toFile());
    }
    long bytes;
    try (Stream<Path> files = Files.walk(photos)) {
      bytes = files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
    }
    FakeDecoder decoder = new FakeDecoder();
    List<Path> all;
    try (Stream<Path> files = Files.walk(photos)) {
      all = files.filter(Files::isRegularFile).toList();
    }
    decodeAll(decoder, all); // warm-up
    long t0 = System.nanoTime();
    decodeAll(decoder, all);
    double decodeS = (System.nanoTime() - t0) / 1e9;

    int cores = Runtime.getRuntime().availableProcessors();
    try (PhotoLibrary library = PhotoLibrary.open(dir.resolve("data"), LibraryOptions.builder()
        .decoder(decoder).clip(embedder("bench/clip", 512, Set.of(Modality.TEXT, Modality.IMAGE)))
        .textEmbedder(embedder("bench/text", 384, Set.of(Modality.TEXT))).faces(faces()).ocr(ocr()).build())) {
      library.addRoot(photos);
      long t1 = System.nanoTime();
      IndexSummary first = library.index(p -> { });
      double indexS = (System.nanoTime() - t1) / 1e9;
      long t2 = System.nanoTime();
      IndexSummary again = library.index(p -> { });
      double rerunS = (System.nanoTime() - t2) / 1e9;
      LibraryStats stats = library.stats();
      System.out.printf(Locale.ROOT, "# %d JPEGs 320x240 (%.1f MB), %d cores, load %s%n", n, bytes / 1e6, cores,
          Files.readString(Path.of("/proc/loadavg")).trim());
      System.out.println("| measure | value |");
      System.out.println("|---|---|");
      System.out.printf(Locale.ROOT, "| decode only, 1 thread (baseline) | %.1f photos/s |%n", n / decodeS);
      System.out.printf(Locale.ROOT, "| pipeline, %d threads, fake analysers | %.1f photos/s (%d added, %d failed) |%n",
          cores, n / indexS, first.added(), first.failures().size());
      System.out.printf(Locale.ROOT, "| pipeline time / decode-only time | %.2f |%n", indexS / decodeS);
      System.out.printf(Locale.ROOT, "| re-run with nothing changed | %.2f s (%d unchanged) |%n", rerunS,
          again.unchanged());
      System.out.printf(Locale.ROOT, "| catalogue bytes per photo (512-d CLIP, 1 face 512-d, 384-d text, 2 OCR lines)"
          + " | %.0f |%n", (double) stats.catalogueBytes() / n);
    }
  }

  private static void decodeAll(FakeDecoder decoder, List<Path> files) {
    for (Path f : files) {
      decoder.decode(f, 224);
    }
  }

  private static float[] vectorOf(Picture p, int dimension, int salt) {
    Random r = new Random(p.sample(0, 0, 0) * 65536L + p.sample(0, 0, 1) * 256L + p.sample(0, 0, 2) + salt);
    float[] v = new float[dimension];
    for (int i = 0; i < dimension; i++) {
      v[i] = (float) r.nextGaussian();
    }
    return Vectors.normalizeInPlace(v);
  }

  private static Embedder embedder(String id, int dimension, Set<Modality> modalities) {
    return new Embedder() {
      @Override
      public ModelInfo info() {
        return new ModelInfo(id, "1", dimension, modalities);
      }

      @Override
      public List<float[]> embedTexts(List<String> texts) {
        List<float[]> out = new ArrayList<>();
        for (String t : texts) {
          Random r = new Random(t.hashCode());
          float[] v = new float[dimension];
          for (int i = 0; i < dimension; i++) {
            v[i] = (float) r.nextGaussian();
          }
          out.add(Vectors.normalizeInPlace(v));
        }
        return out;
      }

      @Override
      public List<float[]> embedImages(List<Picture> pictures) {
        return pictures.stream().map(p -> vectorOf(p, dimension, 1)).toList();
      }

      @Override
      public void close() {}
    };
  }

  private static FaceRecognizer faces() {
    return new FaceRecognizer() {
      @Override
      public ModelInfo info() {
        return new ModelInfo("bench/faces", "1", 512, Set.of());
      }

      @Override
      public List<DetectedFace> detect(Picture picture) {
        return List.of(new DetectedFace(new BoundingBox(10, 10, 60, 60), List.of(new Point(20, 20),
            new Point(50, 20), new Point(35, 35), new Point(25, 50), new Point(45, 50)), 0.99f));
      }

      @Override
      public List<float[]> embed(Picture picture, List<DetectedFace> faces) {
        return faces.stream().map(f -> vectorOf(picture, 512, 2)).toList();
      }

      @Override
      public double distance(float[] a, float[] b) {
        return Vectors.euclidean(a, b);
      }

      @Override
      public double threshold() {
        return 1;
      }

      @Override
      public void close() {}
    };
  }

  private static OcrEngine ocr() {
    return new OcrEngine() {
      @Override
      public ModelInfo info() {
        return new ModelInfo("bench/ocr", "1", 0, Set.of());
      }

      @Override
      public OcrResult read(Picture picture) {
        List<Point> box = List.of(new Point(0, 0), new Point(100, 0), new Point(100, 20), new Point(0, 20));
        return new OcrResult(List.of(new TextLine("TOTAL 12.50 GBP", box, 0.9f),
            new TextLine("Thank you for shopping " + picture.sample(0, 0, 0), box, 0.8f)));
      }

      @Override
      public void close() {}
    };
  }
}
