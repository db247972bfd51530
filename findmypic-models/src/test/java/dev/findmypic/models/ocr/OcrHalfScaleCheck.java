package dev.findmypic.models.ocr;

import dev.findmypic.core.DecodedPhoto;
import dev.findmypic.core.OcrEngine;
import dev.findmypic.core.Picture;
import dev.findmypic.core.PhotoDecoder;
import dev.findmypic.core.testing.SharedData;
import dev.findmypic.models.image.OpenCvPhotoDecoder;
import dev.findmypic.models.ocr.ppocr.PpOcrEngine;
import dev.findmypic.models.ocr.ppocr.PpOcrOptions;
import java.util.List;
import java.util.function.Predicate;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;

/**
 * What decoding at half size costs PP-OCR: CER and word recall per subset of the OCR manifest, each image read at full
 * size and at 1/2 (area-averaged, as a JPEG's 1/2 DCT scaling decodes). The pessimistic case for the indexing
 * pipeline's {@code OCR_SHORT_SIDE}: there only photos whose short side is at least 3000 pixels are halved, and their
 * text is larger in pixels than in these scans and crops. Run by benchmarks/pipeline/ocr-half-scale.sh.
 */
public final class OcrHalfScaleCheck {
  /** Pages and receipts: the subsets with small print (word crops and scene text are too small to be halved). */
  private static final Predicate<OcrGroundTruth> DOCUMENTS =
      row -> row.subset().equals("tesseract_pages") || row.subset().equals("receipts");

  private OcrHalfScaleCheck() {}

  /** @param args none */
  public static void main(String[] args) {
    OpenCvPhotoDecoder decoder = new OpenCvPhotoDecoder();
    PhotoDecoder halved = (file, minShortSide) -> {
      DecodedPhoto full = decoder.decode(file, 0);
      return new DecodedPhoto(half(full.picture()), full.metadata());
    };
    System.out.println("| subset | images | CER full | CER 1/2 | word recall full | word recall 1/2 |");
    System.out.println("|---|---|---|---|---|---|");
    try (OcrEngine engine = PpOcrEngine.open(SharedData.path("models/ppocr-v4"),
        PpOcrOptions.defaults().withThreads(2))) {
      var full = OcrEvaluation.bySubset(OcrEvaluation.run(engine, decoder, DOCUMENTS));
      var half = OcrEvaluation.bySubset(OcrEvaluation.run(engine, halved, DOCUMENTS));
      for (String subset : List.copyOf(full.keySet())) {
        var f = full.get(subset);
        var h = half.get(subset);
        System.out.printf("| %s | %d | %.3f | %.3f | %.3f | %.3f |%n",
            subset, f.images(), f.cer(), h.cer(), f.wordRecall(), h.wordRecall());
      }
    }
  }

  private static Picture half(Picture picture) {
    Mat rgb = new Mat(picture.height(), picture.width(), CvType.CV_8UC3);
    rgb.put(0, 0, picture.copyRgb());
    Mat small = new Mat();
    Imgproc.resize(rgb, small, new Size(Math.max(1, picture.width() / 2), Math.max(1, picture.height() / 2)), 0, 0,
        Imgproc.INTER_AREA);
    byte[] bytes = new byte[(int) (small.total() * 3)];
    small.get(0, 0, bytes);
    Picture half = Picture.ofRgb(small.cols(), small.rows(), bytes, picture.scale() / 2);
    rgb.release();
    small.release();
    return half;
  }
}
