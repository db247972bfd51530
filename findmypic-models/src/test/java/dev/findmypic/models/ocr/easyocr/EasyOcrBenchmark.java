package dev.findmypic.models.ocr.easyocr;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.findmypic.core.Picture;
import dev.findmypic.core.testing.SharedData;
import dev.findmypic.models.checkpoint.DeterministicWeights;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Times EasyOCR's detection and recognition on DJL with the deterministic weights (the real networks' shapes, so the
 * real FLOPs): a receipt and a scanned page from {@code fixtures/ocr}. Detection is timed as preprocessing, CRAFT
 * and post-processing; recognition on the picture's text lines (the receipt's annotated lines, the page's lines from
 * a row projection, since CRAFT with synthetic weights finds none), crop extraction included. Writes the shapes it
 * used to a JSON file for {@code benchmarks/easyocr/baseline.py}. Run by {@code benchmarks/easyocr/run.sh}.
 */
final class EasyOcrBenchmark {
  private static final String[] IMAGES = {"receipts/sroie_000.jpg", "tesseract_pages/phototest.tif"};

  private EasyOcrBenchmark() {}

  /**
   * @param args the JSON file to write the shapes to, the number of timed runs (default 5), then optionally the
   *     images to time (paths under {@code fixtures/ocr}; default a receipt and a scanned page)
   * @throws IOException if the fixtures or the output cannot be read or written
   */
  public static void main(String[] args) throws IOException {
    Path out = Path.of(args.length > 0 ? args[0] : "target/easyocr-shapes.json");
    int runs = args.length > 1 ? Integer.parseInt(args[1]) : 5;
    String[] images = args.length > 2 ? Arrays.copyOfRange(args, 2, args.length) : IMAGES;
    StringBuilder json = new StringBuilder("[");
    try (NDManager manager = NDManager.newBaseManager("PyTorch");
        var craftWeights = DeterministicWeights.fromKeys(
            SharedData.path("reference/easyocr/craft_state_dict_keys.txt"), "");
        var recWeights = DeterministicWeights.fromKeys(
            SharedData.path("reference/easyocr/recognizer_state_dict_keys.txt"), "module.")) {
      EasyOcrSettings s = EasyOcrSettings.defaults();
      CraftNet craft = CraftNet.load(new StateDict(craftWeights), manager);
      RecognizerNet recNet = RecognizerNet.load(new StateDict(recWeights), 97, manager);
      CtcGreedyDecoder decoder = new CtcGreedyDecoder(EnglishG2.CHARACTERS);
      TextRecognizer singlePass = new TextRecognizer(recNet, decoder, 0, s.adjustContrast());
      CraftPreprocessor pre = new CraftPreprocessor(s.canvasSize(), s.magRatio());
      CraftPostprocessor post = new CraftPostprocessor(s.textThreshold(), s.linkThreshold(), s.lowText());
      System.out.printf(Locale.ROOT, "%-30s %9s %9s %15s %9s | %5s %15s %15s%n", "image", "canvas", "pre ms",
          "craft ms (cpu)", "post ms", "lines", "rec ms (cpu)", "1-by-1 ms (cpu)");
      for (String name : images) {
        Picture picture = TestPictures.decode(SharedData.path("fixtures/ocr/" + name));
        CraftPreprocessor.Canvas canvas = pre.prepare(picture);
        double[] preMs = time(runs, () -> pre.prepare(picture));
        double[] craftMs = time(runs, () -> {
          try (NDManager call = manager.newSubManager()) {
            NDArray x = call.create(canvas.chw(), new Shape(1, 3, canvas.height(), canvas.width()));
            craft.forward(x).y().toFloatArray();
          }
        });
        ScoreMaps maps;
        try (NDManager call = manager.newSubManager()) {
          float[] y = craft.forward(call.create(canvas.chw(), new Shape(1, 3, canvas.height(), canvas.width())))
              .y().toFloatArray();
          float[] region = new float[y.length / 2];
          float[] affinity = new float[y.length / 2];
          for (int i = 0; i < region.length; i++) {
            region[i] = y[2 * i];
            affinity[i] = y[2 * i + 1];
          }
          maps = new ScoreMaps(region, affinity, canvas.width() / 2, canvas.height() / 2);
        }
        double[] postMs = time(runs, () -> post.boxes(maps));

        List<LineBox> lines = name.startsWith("receipts/") ? annotatedLines(name) : projectedLines(picture);
        List<Crop> crops = new ArrayList<>();
        try (CropExtractor cropper = new CropExtractor(picture)) {
          lines.forEach(l -> cropper.line(l).ifPresent(crops::add));
          double[] recMs = time(runs, () -> {
            try (CropExtractor c = new CropExtractor(picture); NDManager call = manager.newSubManager()) {
              List<Crop> cs = new ArrayList<>();
              lines.forEach(l -> c.line(l).ifPresent(cs::add));
              singlePass.recognize(cs, call);
            }
          });
          double[] oneByOneMs = time(runs, () -> {
            try (NDManager call = manager.newSubManager()) {
              crops.forEach(c -> singlePass.recognize(List.of(c), call));
            }
          });
          System.out.printf(Locale.ROOT, "%-30s %9s %9.1f %15s %9.1f | %5d %15s %15s%n", name,
              canvas.width() + "x" + canvas.height(), median(preMs), both(craftMs), median(postMs), crops.size(),
              both(recMs), both(oneByOneMs));
        }
        json.append(json.length() > 1 ? "," : "").append(String.format(Locale.ROOT,
            "{\"image\":\"%s\",\"canvas\":[%d,%d],\"crop_widths\":%s,\"java_ms\":{\"pre\":%.2f,\"craft\":%.2f,"
                + "\"post\":%.2f}}", name, canvas.height(), canvas.width(),
            Arrays.toString(crops.stream().mapToInt(Crop::paddedWidth).toArray()), median(preMs),
            median(Arrays.copyOf(craftMs, runs)), median(postMs)));
      }
    }
    Files.writeString(out, json.append("]").toString(), StandardCharsets.UTF_8);
  }

  /** The receipt's annotated lines (SROIE {@code .box.csv}: four corners then the text), as EasyOCR lines. */
  private static List<LineBox> annotatedLines(String name) throws IOException {
    Path csv = SharedData.path("fixtures/ocr/" + name.replace(".jpg", ".box.csv"));
    List<LineBox> lines = new ArrayList<>();
    for (String row : Files.readAllLines(csv, StandardCharsets.UTF_8)) {
      String[] f = row.split(",", 9);
      if (f.length < 9) {
        continue;
      }
      int[] v = Arrays.stream(f, 0, 8).mapToInt(x -> Integer.parseInt(x.trim())).toArray();
      lines.add(new LineBox(Math.min(v[0], v[6]), Math.max(v[2], v[4]), Math.min(v[1], v[3]), Math.max(v[5], v[7])));
    }
    return lines;
  }

  /** Text lines of a clean page: runs of rows holding dark pixels, each spanning its dark columns. */
  private static List<LineBox> projectedLines(Picture p) {
    List<LineBox> lines = new ArrayList<>();
    int start = -1;
    int left = Integer.MAX_VALUE;
    int right = -1;
    for (int y = 0; y <= p.height(); y++) {
      int l = Integer.MAX_VALUE;
      int r = -1;
      if (y < p.height()) {
        for (int x = 0; x < p.width(); x++) {
          if (p.sample(x, y, 1) < 128) {
            l = Math.min(l, x);
            r = x;
          }
        }
      }
      if (r >= 0) {
        start = start < 0 ? y : start;
        left = Math.min(left, l);
        right = Math.max(right, r);
      } else if (start >= 0) {
        if (y - start >= 6) {
          lines.add(new LineBox(left - 2, right + 3, start - 2, y + 2));
        }
        start = -1;
        left = Integer.MAX_VALUE;
        right = -1;
      }
    }
    return lines;
  }

  /**
   * Runs a task once to warm up, then {@code runs} times.
   *
   * @return wall-clock milliseconds of each run, then the process CPU milliseconds of each run (the machine is
   *     shared, so CPU time is the steadier figure)
   */
  private static double[] time(int runs, Runnable task) {
    var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    task.run();
    double[] ms = new double[2 * runs];
    for (int i = 0; i < runs; i++) {
      long cpu0 = os.getProcessCpuTime();
      long t0 = System.nanoTime();
      task.run();
      ms[i] = (System.nanoTime() - t0) / 1e6;
      ms[runs + i] = (os.getProcessCpuTime() - cpu0) / 1e6;
    }
    return ms;
  }

  private static String both(double[] wallThenCpu) {
    int n = wallThenCpu.length / 2;
    return String.format(Locale.ROOT, "%.0f (%.0f)", median(Arrays.copyOfRange(wallThenCpu, 0, n)),
        median(Arrays.copyOfRange(wallThenCpu, n, 2 * n)));
  }

  private static double median(double[] v) {
    double[] s = v.clone();
    Arrays.sort(s);
    return s[s.length / 2];
  }
}
