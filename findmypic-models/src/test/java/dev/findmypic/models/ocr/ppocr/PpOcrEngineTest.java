package dev.findmypic.models.ocr.ppocr;

import static org.assertj.core.api.Assertions.assertThat;

import dev.findmypic.core.OcrResult;
import dev.findmypic.core.Picture;
import dev.findmypic.core.TextLine;
import dev.findmypic.core.testing.SharedData;
import dev.findmypic.models.image.OpenCvPhotoDecoder;
import dev.findmypic.models.ocr.OcrEvaluation;
import dev.findmypic.models.ocr.OcrGroundTruth;
import dev.findmypic.models.ocr.OcrScore;
import dev.findmypic.models.ocr.ReceiptKeys;
import dev.findmypic.models.ocr.Resample;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * PP-OCRv4 with the real models on the shared OCR fixtures. Every image of the manifest is read once, except the
 * 3312x2550 magazine page {@code 8071_093.3B.tif}, left out to keep the suite fast. Thresholds are the values
 * measured on this machine (see benchmarks/ocr/RESULTS.md) less a small margin.
 */
class PpOcrEngineTest {
  private static final OpenCvPhotoDecoder DECODER = new OpenCvPhotoDecoder();
  private static PpOcrEngine engine;
  private static List<OcrEvaluation.Outcome> outcomes;
  private static Map<String, OcrEvaluation.SubsetScore> scores;

  @BeforeAll
  static void readEveryFixture() {
    engine = PpOcrEngine.open(SharedData.path("models/ppocr-v4"), PpOcrOptions.defaults().withThreads(2));
    outcomes = OcrEvaluation.run(engine, DECODER, row -> !row.file().toString().contains("8071_093"));
    scores = OcrEvaluation.bySubset(outcomes);
    System.out.println("PP-OCRv4 per subset: " + scores);
    for (OcrEvaluation.Outcome o : outcomes) {
      System.out.printf("  %-40s cer=%.3f recall=%.3f %.0f ms | %s%n", o.truth().name(), o.cer(), o.wordRecall(),
          o.millis(), o.output().replace("\n", " | "));
    }
  }

  @AfterAll
  static void close() {
    engine.close();
  }

  private static OcrEvaluation.Outcome outcome(String name) {
    return outcomes.stream().filter(o -> o.truth().file().endsWith(name)).findFirst().orElseThrow();
  }

  @Test
  void readsPhototest() {
    OcrEvaluation.Outcome o = outcome("tesseract_pages/phototest.tif");
    assertThat(o.cer()).isLessThan(0.02);
    assertThat(o.wordRecall()).isEqualTo(1.0);
  }

  @Test
  void subsetScoresStayAtTheMeasuredLevel() {
    assertSubset("tesseract_pages", 0.30, 0.78);
    assertSubset("screenshots", 0.02, 0.97);
    assertSubset("receipts", 0.16, 0.68);
    assertSubset("word_crops", 0.25, 0.60);
    assertSubset("scene", 0.80, 0.25);
  }

  private static void assertSubset(String subset, double maxCer, double minRecall) {
    OcrEvaluation.SubsetScore s = scores.get(subset);
    assertThat(s.cer()).as(subset + " CER").isLessThanOrEqualTo(maxCer);
    assertThat(s.wordRecall()).as(subset + " word recall").isGreaterThanOrEqualTo(minRecall);
  }

  @Test
  void wordCropsAreMostlyExact() {
    List<OcrEvaluation.Outcome> crops = outcomes.stream().filter(o -> o.truth().subset().equals("word_crops")).toList();
    long exact = crops.stream()
        .filter(o -> OcrScore.normalise(o.output()).equals(OcrScore.normalise(o.truth().transcript())))
        .count();
    assertThat(exact).as("exact word crops of " + crops.size()).isGreaterThanOrEqualTo(8);
  }

  @Test
  void receiptKeyFieldsAreFound() {
    int found = 0;
    int total = 0;
    for (OcrEvaluation.Outcome o : outcomes) {
      for (String key : ReceiptKeys.of(o.truth().file())) {
        total++;
        if (OcrScore.normalise(o.output()).contains(OcrScore.normalise(key))) {
          found++;
        }
      }
    }
    assertThat(total).isEqualTo(12);
    assertThat(found).as("receipt dates and totals found").isGreaterThanOrEqualTo(8);
  }

  @Test
  void imagesWithoutTextGiveAnEmptyResult() {
    byte[] grey = new byte[320 * 240 * 3];
    java.util.Arrays.fill(grey, (byte) 128);
    assertThat(engine.read(Picture.ofRgb(320, 240, grey))).isEqualTo(OcrResult.EMPTY);
    Picture cat = DECODER.decode(SharedData.path("fixtures/photos/skimage/chelsea.png"), 0).picture();
    assertThat(engine.read(cat).lines()).isEmpty();
  }

  /** A 4x upscaled page is detected at 960 px but recognised from the full image; polygons are in full pixels. */
  @Test
  void largeAndReducedPicturesReportFullSizeCoordinates() {
    Picture page = DECODER.decode(SharedData.path("fixtures/ocr/tesseract_pages/phototest.tif"), 0).picture();
    OcrResult base = engine.read(page);
    OcrResult large = engine.read(Resample.by(page, 4, 1.0));
    OcrResult reduced = engine.read(Resample.by(page, 0.5, 0.5));
    String truth = outcome("tesseract_pages/phototest.tif").truth().transcript();
    assertThat(OcrScore.cer(truth, large.text())).isLessThan(0.03);
    assertThat(large.lines()).hasSameSizeAs(base.lines());
    TextLine first = base.lines().get(0);
    assertThat(large.lines().get(0).polygon().get(0).x()).isCloseTo(4 * first.polygon().get(0).x(),
        org.assertj.core.data.Offset.offset(12f));
    assertThat(large.lines().get(0).polygon().get(2).y()).isCloseTo(4 * first.polygon().get(2).y(),
        org.assertj.core.data.Offset.offset(12f));
    // a picture decoded at half scale reports polygons in the full-size image's pixels
    assertThat(reduced.lines().get(0).polygon().get(2).x()).isCloseTo(first.polygon().get(2).x(),
        org.assertj.core.data.Offset.offset(8f));
  }

  /** The recogniser leaves out most spaces on receipts; the word spacer puts them back. */
  @Test
  void wordSpacingRaisesReceiptWordRecall() {
    try (PpOcrEngine unspaced = PpOcrEngine.open(SharedData.path("models/ppocr-v4"),
        PpOcrOptions.defaults().withThreads(2).withSplitWords(false))) {
      List<OcrEvaluation.Outcome> raw = OcrEvaluation.run(unspaced, DECODER,
          row -> row.subset().equals("receipts"));
      double without = OcrEvaluation.bySubset(raw).get("receipts").wordRecall();
      double with = scores.get("receipts").wordRecall();
      System.out.printf("receipts word recall: %.3f without spacing, %.3f with%n", without, with);
      assertThat(with).isGreaterThan(without + 0.15);
    }
  }

  @Test
  void infoNamesTheModelAndItsRevision() {
    assertThat(engine.info().id()).isEqualTo("paddleocr/PP-OCRv4-ch");
    assertThat(engine.info().revision()).hasSize(16);
  }

  @Test
  void missingModelFileIsAModelException() {
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> PpOcrEngine.open(Path.of("/nonexistent"),
            PpOcrOptions.defaults()))
        .isInstanceOf(dev.findmypic.core.ModelException.class)
        .hasMessageContaining("/nonexistent");
  }
}
