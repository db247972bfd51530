package dev.findmypic.models.ocr;

import static org.assertj.core.api.Assertions.assertThat;

import dev.findmypic.core.OcrEngine;
import dev.findmypic.core.OcrResult;
import dev.findmypic.core.Picture;
import dev.findmypic.core.Point;
import dev.findmypic.core.testing.SharedData;
import dev.findmypic.models.image.OpenCvPhotoDecoder;
import java.util.List;
import java.util.Map;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * What every OCR engine must do on the shared fixtures, with the real models. Every image of the OCR manifest is read
 * once, except the 3312x2550 magazine page {@code 8071_093.3B.tif}, left out to keep the suite fast. Each engine's
 * thresholds are the values measured on this machine (benchmarks/ocr/RESULTS.md) less a small margin.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class OcrEngineContract {
  /** The decoder every test uses. */
  protected static final OpenCvPhotoDecoder DECODER = new OpenCvPhotoDecoder();

  /**
   * The limits an engine is held to.
   *
   * @param phototestCer the largest CER on tesseract_pages/phototest.tif
   * @param subsets per subset: the largest mean CER and the smallest mean word recall
   * @param exactWordCrops the fewest of the 14 word crops read exactly
   * @param receiptKeys the fewest of the 12 receipt dates and totals found
   */
  public record Limits(double phototestCer, Map<String, double[]> subsets, int exactWordCrops, int receiptKeys) {}

  private OcrEngine engine;
  private List<OcrEvaluation.Outcome> outcomes;
  private Map<String, OcrEvaluation.SubsetScore> scores;

  /** @return a new engine with the real model */
  protected abstract OcrEngine open();

  /** @return this engine's limits */
  protected abstract Limits limits();

  /** @return the engine under test */
  protected OcrEngine engine() {
    return engine;
  }

  /** @return the mean scores per subset */
  protected Map<String, OcrEvaluation.SubsetScore> scores() {
    return scores;
  }

  @BeforeAll
  void readEveryFixture() {
    engine = open();
    outcomes = OcrEvaluation.run(engine, DECODER, row -> !row.file().toString().contains("8071_093"));
    scores = OcrEvaluation.bySubset(outcomes);
    System.out.println(engine.info().key() + " per subset: " + scores);
    for (OcrEvaluation.Outcome o : outcomes) {
      System.out.printf("  %-40s cer=%.3f recall=%.3f %.0f ms | %.300s%n", o.truth().name(), o.cer(), o.wordRecall(),
          o.millis(), o.output().replace("\n", " | "));
    }
  }

  @AfterAll
  void close() {
    engine.close();
  }

  private OcrEvaluation.Outcome outcome(String name) {
    return outcomes.stream().filter(o -> o.truth().file().endsWith(name)).findFirst().orElseThrow();
  }

  @Test
  void readsPhototest() {
    OcrEvaluation.Outcome o = outcome("tesseract_pages/phototest.tif");
    assertThat(o.cer()).isLessThanOrEqualTo(limits().phototestCer());
    assertThat(o.wordRecall()).isEqualTo(1.0);
  }

  @Test
  void subsetScoresStayAtTheMeasuredLevel() {
    limits().subsets().forEach((subset, limit) -> {
      OcrEvaluation.SubsetScore s = scores.get(subset);
      assertThat(s.cer()).as(subset + " CER").isLessThanOrEqualTo(limit[0]);
      assertThat(s.wordRecall()).as(subset + " word recall").isGreaterThanOrEqualTo(limit[1]);
    });
  }

  @Test
  void wordCropsAreMostlyExact() {
    List<OcrEvaluation.Outcome> crops = outcomes.stream().filter(o -> o.truth().subset().equals("word_crops")).toList();
    long exact = crops.stream()
        .filter(o -> OcrScore.normalise(o.output()).equals(OcrScore.normalise(o.truth().transcript())))
        .count();
    assertThat(crops).hasSize(14);
    assertThat(exact).as("word crops read exactly").isGreaterThanOrEqualTo(limits().exactWordCrops());
  }

  @Test
  void receiptKeyFieldsAreFound() {
    int found = 0;
    int total = 0;
    for (OcrEvaluation.Outcome o : outcomes) {
      for (String key : ReceiptKeys.of(o.truth().file())) {
        total++;
        found += OcrScore.normalise(o.output()).contains(OcrScore.normalise(key)) ? 1 : 0;
      }
    }
    assertThat(total).isEqualTo(12);
    assertThat(found).as("receipt dates and totals found").isGreaterThanOrEqualTo(limits().receiptKeys());
  }

  @Test
  void imagesWithoutTextGiveAnEmptyResult() {
    byte[] grey = new byte[320 * 240 * 3];
    java.util.Arrays.fill(grey, (byte) 128);
    assertThat(engine.read(Picture.ofRgb(320, 240, grey))).isEqualTo(OcrResult.EMPTY);
    Picture cat = DECODER.decode(SharedData.path("fixtures/photos/skimage/chelsea.png"), 0).picture();
    assertThat(engine.read(cat).lines()).isEmpty();
  }

  /**
   * A page enlarged 3 times is read as well as the original, with polygons 3 times as large; the same page given at
   * half that size with {@code scale = 0.5} reports polygons in the full-size pixels.
   */
  @Test
  void largeAndReducedPicturesReportFullSizeCoordinates() {
    Picture page = DECODER.decode(SharedData.path("fixtures/ocr/tesseract_pages/phototest.tif"), 0).picture();
    OcrResult base = engine.read(page);
    OcrResult large = engine.read(Resample.by(page, 3, 1.0));
    OcrResult reduced = engine.read(Resample.by(page, 1.5, 0.5));
    String truth = outcome("tesseract_pages/phototest.tif").truth().transcript();
    assertThat(OcrScore.cer(truth, large.text())).isLessThan(0.03);
    assertThat(large.lines()).hasSameSizeAs(base.lines());
    for (int corner : new int[] {0, 2}) {
      Point b = base.lines().get(0).polygon().get(corner);
      Point l = large.lines().get(0).polygon().get(corner);
      Point r = reduced.lines().get(0).polygon().get(corner);
      assertThat(l.x()).isCloseTo(3 * b.x(), Offset.offset(12f));
      assertThat(l.y()).isCloseTo(3 * b.y(), Offset.offset(12f));
      assertThat(r.x()).isCloseTo(l.x(), Offset.offset(12f));
      assertThat(r.y()).isCloseTo(l.y(), Offset.offset(12f));
    }
  }
}
