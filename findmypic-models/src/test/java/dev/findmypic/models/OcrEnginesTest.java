package dev.findmypic.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.findmypic.core.ModelException;
import dev.findmypic.core.OcrEngine;
import dev.findmypic.core.store.ModelRef;
import dev.findmypic.core.store.ResolvedModel;
import dev.findmypic.core.testing.SharedData;
import dev.findmypic.models.ocr.ppocr.PpOcrModel;
import dev.findmypic.models.store.ModelCatalog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which engine {@link OcrEngines} opens for the catalogue's OCR sets, laid out as the store resolves them. */
class OcrEnginesTest {
  @TempDir Path tmp;

  private static ResolvedModel resolved(ModelRef ref, Path dir) {
    return new ResolvedModel(ref, dir, "test", ResolvedModel.Source.CACHE);
  }

  @Test
  void tesseractSetOpensTesseract() {
    Path tessdata = SharedData.path("models/tesseract");
    try (OcrEngine engine = OcrEngines.open(List.of(resolved(ModelCatalog.TESSERACT_ENG_FAST, tessdata)))) {
      assertThat(engine.info().id()).isEqualTo("tesseract/tessdata_fast-eng");
    }
  }

  /** PP-OCRv5's two Hub snapshots each hold an {@code inference.onnx}; v4's files stand in for its weights. */
  @Test
  void ppOcrV5SetOpensPpOcrWithEachFileInItsPlace() throws Exception {
    Path v4 = SharedData.path("models/ppocr-v4");
    Path det = Files.createDirectories(tmp.resolve("det/snapshots/x"));
    Path rec = Files.createDirectories(tmp.resolve("rec/snapshots/x"));
    Path data = Files.createDirectories(tmp.resolve("data/models"));
    Files.copy(v4.resolve(PpOcrModel.V4_DETECTOR), det.resolve("inference.onnx"));
    Files.copy(v4.resolve(PpOcrModel.V4_RECOGNIZER), rec.resolve("inference.onnx"));
    Files.copy(v4.resolve(PpOcrModel.V4_DICTIONARY), data.resolve(PpOcrModel.V5_DICTIONARY));
    List<ResolvedModel> models = List.of(resolved(ModelCatalog.PPOCR_V5_MOBILE_DET, det),
        resolved(ModelCatalog.PPOCR_V5_MOBILE_REC, rec), resolved(ModelCatalog.PPOCR_V5_DICT, data));

    try (OcrEngine engine = OcrEngines.open(models)) {
      assertThat(engine.info().id()).isEqualTo("paddleocr/PP-OCRv5-mobile");
    }

    // the detector and recogniser swapped: the "recogniser" fails on a line image, and says so when it opens
    List<ResolvedModel> swapped = List.of(resolved(ModelCatalog.PPOCR_V5_MOBILE_DET, rec),
        resolved(ModelCatalog.PPOCR_V5_MOBILE_REC, det), resolved(ModelCatalog.PPOCR_V5_DICT, data));
    assertThatThrownBy(() -> OcrEngines.open(swapped))
        .isInstanceOf(ModelException.class)
        .hasMessageContaining("is not a PP-OCR line recogniser")
        .hasMessageContaining(det.resolve("inference.onnx").toString());
  }

  @Test
  void noKnownFilesIsAModelExceptionNamingTheDirectories() throws Exception {
    Path empty = Files.createDirectories(tmp.resolve("empty"));
    assertThatThrownBy(() -> OcrEngines.open(List.of(resolved(new ModelRef.Local(empty), empty))))
        .isInstanceOf(ModelException.class)
        .hasMessageContaining(empty.toString());
  }
}
