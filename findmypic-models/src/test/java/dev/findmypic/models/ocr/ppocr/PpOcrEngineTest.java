package dev.findmypic.models.ocr.ppocr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.findmypic.core.ModelException;
import dev.findmypic.core.OcrEngine;
import dev.findmypic.core.testing.SharedData;
import dev.findmypic.models.ocr.OcrEngineContract;
import dev.findmypic.models.ocr.OcrEvaluation;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** PP-OCRv4 (PaddleOCR's det + cls + zh/en rec) on the shared fixtures. */
class PpOcrEngineTest extends OcrEngineContract {
  @Override
  protected OcrEngine open() {
    return PpOcrEngine.open(SharedData.path("models/ppocr-v4"), PpOcrOptions.defaults().withThreads(2));
  }

  @Override
  protected Limits limits() {
    return new Limits(0.01, Map.of(
        "tesseract_pages", new double[] {0.25, 0.78},
        "screenshots", new double[] {0.02, 0.97},
        "receipts", new double[] {0.15, 0.69},
        "word_crops", new double[] {0.43, 0.45},
        "scene", new double[] {0.50, 0.34}), 6, 10);
  }

  /** The recogniser leaves out most spaces on receipts; the word spacer puts them back. */
  @Test
  void wordSpacingRaisesReceiptWordRecall() {
    try (PpOcrEngine unspaced = PpOcrEngine.open(SharedData.path("models/ppocr-v4"),
        PpOcrOptions.defaults().withThreads(2).withSplitWords(false))) {
      List<OcrEvaluation.Outcome> raw = OcrEvaluation.run(unspaced, DECODER, row -> row.subset().equals("receipts"));
      double without = OcrEvaluation.bySubset(raw).get("receipts").wordRecall();
      double with = scores().get("receipts").wordRecall();
      System.out.printf("receipts word recall: %.3f without spacing, %.3f with%n", without, with);
      assertThat(with).isGreaterThan(without + 0.15);
    }
  }

  @Test
  void infoNamesTheModelAndItsRevision() {
    assertThat(engine().info().id()).isEqualTo("paddleocr/PP-OCRv4-ch");
    assertThat(engine().info().revision()).hasSize(16);
  }

  @Test
  void missingModelFileIsAModelException() {
    assertThatThrownBy(() -> PpOcrEngine.open(Path.of("/nonexistent"), PpOcrOptions.defaults()))
        .isInstanceOf(ModelException.class)
        .hasMessageContaining("/nonexistent");
  }
}
