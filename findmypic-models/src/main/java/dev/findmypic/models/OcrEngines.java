package dev.findmypic.models;

import dev.findmypic.core.ModelException;
import dev.findmypic.core.OcrEngine;
import dev.findmypic.core.store.ResolvedModel;
import dev.findmypic.models.ocr.easyocr.EasyOcrEngine;
import dev.findmypic.models.ocr.easyocr.EasyOcrModels;
import dev.findmypic.models.ocr.easyocr.EasyOcrSettings;
import dev.findmypic.models.ocr.ppocr.PpOcrEngine;
import dev.findmypic.models.ocr.ppocr.PpOcrOptions;
import dev.findmypic.models.ocr.tesseract.TesseractEngine;
import dev.findmypic.models.ocr.tesseract.TesseractOptions;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Opens the OCR engine whose files a role's resolved models hold: EasyOCR ({@code craft_mlt_25k.pth}), PP-OCR
 * ({@code ch_PP-OCRv4_det_infer.onnx}) or Tesseract ({@code eng.traineddata}), in that order of preference.
 */
final class OcrEngines {
  private OcrEngines() {}

  static OcrEngine open(List<ResolvedModel> models) {
    ModelFiles files = new ModelFiles(models);
    Optional<Path> easyOcr = files.dirWith(EasyOcrModels.DETECTOR_FILE);
    if (easyOcr.isPresent()) {
      return EasyOcrEngine.open(easyOcr.get(), EasyOcrSettings.defaults());
    }
    Optional<Path> ppOcr = files.dirWith(PpOcrEngine.DETECTOR);
    if (ppOcr.isPresent()) {
      return PpOcrEngine.open(ppOcr.get(), PpOcrOptions.defaults());
    }
    Optional<Path> tesseract = files.dirWith("eng.traineddata");
    if (tesseract.isPresent()) {
      return TesseractEngine.open(tesseract.get(), TesseractOptions.defaults());
    }
    throw new ModelException("no OCR model in " + files.directories() + ": expected EasyOCR's "
        + EasyOcrModels.DETECTOR_FILE + ", PP-OCR's " + PpOcrEngine.DETECTOR + " or Tesseract's eng.traineddata");
  }
}
