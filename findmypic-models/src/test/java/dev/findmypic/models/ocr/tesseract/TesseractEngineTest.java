package dev.findmypic.models.ocr.tesseract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.findmypic.core.ModelException;
import dev.findmypic.core.OcrEngine;
import dev.findmypic.core.OcrResult;
import dev.findmypic.core.Picture;
import dev.findmypic.core.testing.SharedData;
import dev.findmypic.models.ocr.OcrEngineContract;
import dev.findmypic.models.ocr.OcrScore;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Tesseract 5 (tessdata_fast eng) through the bytedeco natives on the shared fixtures. */
class TesseractEngineTest extends OcrEngineContract {
  @Override
  protected OcrEngine open() {
    return TesseractEngine.open(SharedData.path("models/tesseract"), TesseractOptions.defaults());
  }

  @Override
  protected Limits limits() {
    return new Limits(0.01, Map.of(
        "tesseract_pages", new double[] {0.30, 0.64},
        "screenshots", new double[] {0.16, 0.83},
        "receipts", new double[] {0.35, 0.57},
        "word_crops", new double[] {0.92, 0.04},
        "scene", new double[] {0.93, 0.03}), 1, 5);
  }

  @Test
  void linesHaveBoxesAndConfidences() {
    Picture page = DECODER.decode(SharedData.path("fixtures/ocr/tesseract_pages/phototest.tif"), 0).picture();
    OcrResult result = engine().read(page);
    assertThat(result.lines()).hasSizeGreaterThanOrEqualTo(8);
    float previousTop = -1;
    for (var line : result.lines()) {
      assertThat(line.polygon()).hasSize(4);
      assertThat(line.confidence()).isBetween(0.5f, 1f);
      assertThat(line.polygon().get(0).y()).isGreaterThan(previousTop); // top to bottom
      assertThat(line.polygon().get(2).x()).isLessThanOrEqualTo(page.width());
      previousTop = line.polygon().get(0).y();
    }
  }

  /** Four threads share two Tesseract instances and each gets the page's text. */
  @Test
  void isSafeToShareBetweenThreads() throws Exception {
    Picture page = DECODER.decode(SharedData.path("fixtures/ocr/tesseract_pages/HelloGoogle.tif"), 0).picture();
    try (TesseractEngine shared = TesseractEngine.open(SharedData.path("models/tesseract"),
        new TesseractOptions("eng", TesseractOptions.AUTO, 0.5f, 2))) {
      ExecutorService pool = Executors.newFixedThreadPool(4);
      try {
        List<Future<String>> texts = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
          texts.add(pool.submit(() -> shared.read(page).text()));
        }
        for (Future<String> text : texts) {
          assertThat(OcrScore.normalise(text.get())).isEqualTo("hello google");
        }
      } finally {
        pool.shutdownNow();
      }
    }
  }

  @Test
  void missingTraineddataIsAModelException() {
    assertThatThrownBy(() -> TesseractEngine.open(Path.of("/nonexistent"), TesseractOptions.defaults()))
        .isInstanceOf(ModelException.class)
        .hasMessageContaining("/nonexistent/eng.traineddata");
  }
}
