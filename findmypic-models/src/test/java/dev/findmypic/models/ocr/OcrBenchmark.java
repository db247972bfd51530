package dev.findmypic.models.ocr;

import dev.findmypic.core.OcrEngine;
import dev.findmypic.core.Picture;
import dev.findmypic.core.testing.SharedData;
import dev.findmypic.models.image.OpenCvNatives;
import dev.findmypic.models.image.OpenCvPhotoDecoder;
import dev.findmypic.models.ocr.ppocr.PpOcrEngine;
import dev.findmypic.models.ocr.ppocr.PpOcrOptions;
import dev.findmypic.models.ocr.tesseract.TesseractEngine;
import dev.findmypic.models.ocr.tesseract.TesseractOptions;
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
 * The OCR benchmark behind benchmarks/ocr/RESULTS.md: milliseconds per image for each engine on 2 threads (median of
 * 3 runs after one warm-up; wall time, and the process's CPU time, which a shared machine's load distorts less) on a receipt, a 12 MP photo of a sign and a scanned page, then CER and word recall per
 * subset of the whole OCR manifest. Run with {@code benchmarks/ocr/run.sh}.
 */
public final class OcrBenchmark {
  private static final int RUNS = 3;
  private static final com.sun.management.OperatingSystemMXBean OS =
      (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();

  private OcrBenchmark() {}

  /**
   * @param args optional: {@code speed} or {@code quality} to run one half only
   */
  public static void main(String[] args) {
    boolean speed = args.length == 0 || args[0].equals("speed");
    boolean quality = args.length == 0 || args[0].equals("quality");
    Map<String, Supplier<OcrEngine>> engines = new LinkedHashMap<>();
    engines.put("PP-OCRv4 (ONNX Runtime)", () -> PpOcrEngine.open(SharedData.path("models/ppocr-v4"),
        PpOcrOptions.defaults().withThreads(2)));
    engines.put("PP-OCRv4, no word spacing", () -> PpOcrEngine.open(SharedData.path("models/ppocr-v4"),
        PpOcrOptions.defaults().withThreads(2).withSplitWords(false)));
    engines.put("Tesseract 5 psm 11 (sparse)", () -> TesseractEngine.open(SharedData.path("models/tesseract"),
        new TesseractOptions("eng", TesseractOptions.SPARSE_TEXT, 0.5f, 1)));
    engines.put("Tesseract 5 psm 3 (auto)", () -> TesseractEngine.open(SharedData.path("models/tesseract"),
        new TesseractOptions("eng", TesseractOptions.AUTO, 0.5f, 1)));
    OpenCvPhotoDecoder decoder = new OpenCvPhotoDecoder();
    Map<String, Picture> images = new LinkedHashMap<>();
    images.put("receipt sroie_000.jpg (463x1013)", decoder.decode(
        SharedData.path("fixtures/ocr/receipts/sroie_000.jpg"), 0).picture());
    images.put("12 MP sign (easyocr_french.jpg padded to 4:3, enlarged to 4000x3000)", twelveMegapixelSign(
        decoder.decode(SharedData.path("fixtures/ocr/scene/easyocr_french.jpg"), 0).picture()));
    images.put("scanned page 8071_093.3B.tif (3312x2550)", decoder.decode(
        SharedData.path("fixtures/ocr/tesseract_pages/8071_093.3B.tif"), 0).picture());
    for (var e : engines.entrySet()) {
      if (!speed && !quality) {
        break;
      }
      try (OcrEngine engine = e.getValue().get()) {
        if (speed && !e.getKey().contains("no word spacing")) {
          for (var image : images.entrySet()) {
            double[] ms = new double[RUNS];
            double[] cpu = new double[RUNS];
            engine.read(image.getValue());
            for (int i = 0; i < RUNS; i++) {
              long c = OS.getProcessCpuTime();
              long t = System.nanoTime();
              engine.read(image.getValue());
              ms[i] = (System.nanoTime() - t) / 1e6;
              cpu[i] = (OS.getProcessCpuTime() - c) / 1e6;
            }
            Arrays.sort(ms);
            Arrays.sort(cpu);
            System.out.printf("| %s | %s | %.0f | %.0f–%.0f | %.0f | %.2f |%n", e.getKey(), image.getKey(), ms[RUNS / 2],
                ms[0], ms[RUNS - 1], cpu[RUNS / 2], OS.getSystemLoadAverage());
          }
        }
        if (quality) {
          List<OcrEvaluation.Outcome> outcomes = OcrEvaluation.run(engine, decoder, row -> true);
          OcrEvaluation.bySubset(outcomes).forEach((subset, s) -> System.out.printf(
              "| %s | %s | %d | %.3f | %.3f |%n", e.getKey(), subset, s.images(), s.cer(), s.wordRecall()));
        }
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
