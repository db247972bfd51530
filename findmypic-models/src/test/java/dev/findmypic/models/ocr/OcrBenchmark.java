package dev.findmypic.models.ocr;

import dev.findmypic.core.OcrEngine;
import dev.findmypic.core.Picture;
import dev.findmypic.core.testing.SharedData;
import dev.findmypic.models.image.OpenCvNatives;
import dev.findmypic.models.image.OpenCvPhotoDecoder;
import dev.findmypic.models.ocr.ppocr.PpOcrEngine;
import dev.findmypic.models.ocr.ppocr.PpOcrModel;
import dev.findmypic.models.ocr.ppocr.PpOcrOptions;
import dev.findmypic.models.ocr.tesseract.TesseractEngine;
import dev.findmypic.models.ocr.tesseract.TesseractOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Scalar;

/**
 * The OCR benchmark behind benchmarks/ocr/RESULTS.md. First, milliseconds per image for each engine on 2 threads on
 * a receipt, a 12 MP photo of a sign and a scanned page: the median and range of the wall time over the runs after
 * one warm-up, and the median process CPU time, which a shared machine's load distorts less. Then CER and word recall
 * per subset of the whole OCR manifest. Each half prints one Markdown table on standard output. PP-OCRv5 joins when
 * {@code ../shared/models/ppocr-v5} holds its files ({@link PpOcrModel#inDirectory}). Run with
 * {@code benchmarks/ocr/run.sh}.
 */
public final class OcrBenchmark {
  private static final com.sun.management.OperatingSystemMXBean OS =
      (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();

  private OcrBenchmark() {}

  /**
   * @param args {@code [speed|quality|all] [runs]}: which half to run (default all), and the timed runs per image
   *     after the warm-up (default 3)
   */
  public static void main(String[] args) {
    String mode = args.length > 0 ? args[0] : "all";
    if (!List.of("speed", "quality", "all").contains(mode) || args.length > 2) {
      System.err.println("usage: OcrBenchmark [speed|quality|all] [runs]");
      System.exit(2);
    }
    int runs = args.length > 1 ? Integer.parseInt(args[1]) : 3;
    if (!mode.equals("quality")) {
      speed(runs);
    }
    if (!mode.equals("speed")) {
      quality();
    }
  }

  private static Map<String, Supplier<OcrEngine>> engines(boolean withUnspaced) {
    Map<String, Supplier<OcrEngine>> engines = new LinkedHashMap<>();
    engines.put("PP-OCRv4 (ONNX Runtime)", () -> PpOcrEngine.open(SharedData.path("models/ppocr-v4"),
        PpOcrOptions.defaults().withThreads(2)));
    if (withUnspaced) {
      engines.put("PP-OCRv4, no word spacing", () -> PpOcrEngine.open(SharedData.path("models/ppocr-v4"),
          PpOcrOptions.defaults().withThreads(2).withSplitWords(false)));
    }
    Path v5 = SharedData.root().resolve("models/ppocr-v5");
    if (Files.isDirectory(v5)) {
      engines.put("PP-OCRv5 mobile (ONNX Runtime)", () -> PpOcrEngine.open(v5, PpOcrOptions.defaults().withThreads(2)));
    } else {
      System.err.println("PP-OCRv5 left out: no " + v5);
    }
    engines.put("Tesseract 5 psm 11 (sparse)", () -> TesseractEngine.open(SharedData.path("models/tesseract"),
        new TesseractOptions("eng", TesseractOptions.SPARSE_TEXT, 0.5f, 1)));
    engines.put("Tesseract 5 psm 3 (auto)", () -> TesseractEngine.open(SharedData.path("models/tesseract"),
        new TesseractOptions("eng", TesseractOptions.AUTO, 0.5f, 1)));
    return engines;
  }

  private static void speed(int runs) {
    OpenCvPhotoDecoder decoder = new OpenCvPhotoDecoder();
    Map<String, Picture> images = new LinkedHashMap<>();
    images.put("receipt sroie_000.jpg (463x1013)", decoder.decode(
        SharedData.path("fixtures/ocr/receipts/sroie_000.jpg"), 0).picture());
    images.put("12 MP sign (easyocr_french.jpg padded to 4:3, enlarged to 4000x3000)", twelveMegapixelSign(
        decoder.decode(SharedData.path("fixtures/ocr/scene/easyocr_french.jpg"), 0).picture()));
    images.put("scanned page 8071_093.3B.tif (3312x2550)", decoder.decode(
        SharedData.path("fixtures/ocr/tesseract_pages/8071_093.3B.tif"), 0).picture());
    System.out.printf("| engine | image | wall ms (median of %d) | wall range | CPU ms (median) | load avg |%n", runs);
    System.out.println("|---|---|---|---|---|---|");
    for (var e : engines(false).entrySet()) {
      try (OcrEngine engine = e.getValue().get()) {
        for (var image : images.entrySet()) {
          double[] ms = new double[runs];
          double[] cpu = new double[runs];
          engine.read(image.getValue());
          for (int i = 0; i < runs; i++) {
            long c = OS.getProcessCpuTime();
            long t = System.nanoTime();
            engine.read(image.getValue());
            ms[i] = (System.nanoTime() - t) / 1e6;
            cpu[i] = (OS.getProcessCpuTime() - c) / 1e6;
          }
          Arrays.sort(ms);
          Arrays.sort(cpu);
          System.out.printf("| %s | %s | %.0f | %.0f–%.0f | %.0f | %.2f |%n", e.getKey(), image.getKey(),
              ms[runs / 2], ms[0], ms[runs - 1], cpu[runs / 2], OS.getSystemLoadAverage());
        }
      }
    }
  }

  private static void quality() {
    OpenCvPhotoDecoder decoder = new OpenCvPhotoDecoder();
    System.out.println("| engine | subset | images | CER | word recall |");
    System.out.println("|---|---|---|---|---|");
    for (var e : engines(true).entrySet()) {
      try (OcrEngine engine = e.getValue().get()) {
        List<OcrEvaluation.Outcome> outcomes = OcrEvaluation.run(engine, decoder, row -> true);
        OcrEvaluation.bySubset(outcomes).forEach((subset, s) -> System.out.printf(
            "| %s | %s | %d | %.3f | %.3f |%n", e.getKey(), subset, s.images(), s.cer(), s.wordRecall()));
      }
    }
  }

  /** Pads the sign to 4:3 with its border colour and enlarges it to 4000x3000 (12 MP), as a phone photo would be. */
  static Picture twelveMegapixelSign(Picture sign) {
    OpenCvNatives.ensureLoaded();
    int w = Math.max(sign.width(), sign.height() * 4 / 3);
    int h = Math.max(sign.height(), w * 3 / 4);
    Mat src = new Mat(sign.height(), sign.width(), CvType.CV_8UC3);
    src.put(0, 0, sign.copyRgb());
    Mat padded = new Mat();
    int top = (h - sign.height()) / 2;
    int left = (w - sign.width()) / 2;
    Core.copyMakeBorder(src, padded, top, h - sign.height() - top, left, w - sign.width() - left,
        Core.BORDER_REPLICATE, new Scalar(0));
    byte[] rgb = new byte[(int) padded.total() * 3];
    padded.get(0, 0, rgb);
    Picture small = Picture.ofRgb(padded.cols(), padded.rows(), rgb);
    src.release();
    padded.release();
    return Resample.by(small, 4000.0 / small.width(), 1.0);
  }
}
