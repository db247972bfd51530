package dev.findmypic.models;

import dev.findmypic.core.ModelException;
import dev.findmypic.core.OcrEngine;
import dev.findmypic.core.store.ResolvedModel;
import dev.findmypic.models.ocr.easyocr.EasyOcrEngine;
import dev.findmypic.models.ocr.easyocr.EasyOcrModels;
import dev.findmypic.models.ocr.easyocr.EasyOcrSettings;
import dev.findmypic.models.ocr.ppocr.PpOcrEngine;
import dev.findmypic.models.ocr.ppocr.PpOcrModel;
import dev.findmypic.models.ocr.ppocr.PpOcrOptions;
import dev.findmypic.models.ocr.tesseract.TesseractEngine;
import dev.findmypic.models.ocr.tesseract.TesseractOptions;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Opens the OCR engine whose files a role's resolved models hold: EasyOCR ({@code craft_mlt_25k.pth}), PP-OCR
 * (v4 or v5, {@link PpOcrModel#find}) or Tesseract ({@code eng.traineddata}), in that order of preference.
 */
final class OcrEngines {
  private OcrEngines() {}

  static OcrEngine open(List<ResolvedModel> models) {
    ModelFiles files = new ModelFiles(models);
    Optional<Path> easyOcr = files.dirWith(EasyOcrModels.DETECTOR_FILE);
    if (easyOcr.isPresent()) {
      return EasyOcrEngine.open(easyOcr.get(), EasyOcrSettings.defaults());
    }
    Optional<PpOcrModel> ppOcr = PpOcrModel.find(models);
    if (ppOcr.isPresent()) {
      return PpOcrEngine.open(ppOcr.get(), PpOcrOptions.defaults());
    }
    Optional<Path> tesseract = files.dirWith("eng.traineddata");
    if (tesseract.isPresent()) {
      return TesseractEngine.open(tesseract.get(), TesseractOptions.defaults());
    }
    throw new ModelException("no OCR model in " + files.directories() + ": expected EasyOCR's "
        + EasyOcrModels.DETECTOR_FILE + ", PP-OCR's " + PpOcrModel.V4_DETECTOR + " (or PP-OCRv5's) or Tesseract's "
        + "eng.traineddata");
  }
}
