package dev.findmypic.models.ocr.ppocr;

import dev.findmypic.core.InferenceException;
import dev.findmypic.core.ModelException;
import dev.findmypic.core.ModelInfo;
import dev.findmypic.core.OcrEngine;
import dev.findmypic.core.OcrResult;
import dev.findmypic.core.Picture;
import dev.findmypic.core.TextLine;
import dev.findmypic.models.image.OpenCvNatives;
import dev.findmypic.models.image.PictureMats;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.opencv.core.Mat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * PaddleOCR's PP-OCR pipeline on DJL's ONNX Runtime engine: DB text detection, the 180-degree line classifier, and
 * CTC line recognition, with PaddleOCR's pre- and post-processing. Lines come in reading order with polygons in the
 * full-size upright image's pixels.
 *
 * <p>When most lines are upside down the whole picture is, and the lines are returned in reverse order, which is
 * the reading order of the turned page.
 *
 * <p>A small image (short side under 160 pixels) in which the detector finds no text is read whole as one line, as
 * PaddleOCR does for word crops with detection off, and kept only at 0.8 confidence or more.
 *
 * <p>The model is PP-OCRv4 or PP-OCRv5 ({@link PpOcrModel}); opening it checks that the recogniser's classes and the
 * dictionary agree, so that a v4 dictionary beside a v5 recogniser fails here rather than reading nonsense.
 * Thread-safe.
 */
public final class PpOcrEngine implements OcrEngine {
  private static final Logger LOG = LoggerFactory.getLogger(PpOcrEngine.class);

  /** The confidence a small image read whole, without a detected box, must reach. */
  private static final float WHOLE_IMAGE_CONFIDENCE = 0.8f;

  private final ModelInfo info;
  private final PpOcrOptions options;
  private final List<OnnxNet> nets = new ArrayList<>();
  private final TextDetector detector;
  private final Optional<AngleClassifier> classifier;
  private final TextRecognizer recognizer;
  private final WordSpacer spacer;

  private PpOcrEngine(PpOcrModel model, PpOcrOptions options, WordSpacer spacer) {
    this.spacer = spacer;
    OpenCvNatives.ensureLoaded();
    this.options = options;
    this.info = new ModelInfo(model.name(), ModelFiles.revision(model.files()), 0, Set.of());
    CharacterDictionary dictionary = CharacterDictionary.load(model.dictionary());
    try {
      OnnxNet detectorNet = load(model.detector(), options);
      OnnxNet recognizerNet = load(model.recognizer(), options);
      this.classifier = model.classifier().map(c -> new AngleClassifier(load(c, options), 0.9f));
      if (model.classifier().isEmpty()) {
        LOG.info("{} has no angle classifier: upside-down lines are read as they are", model.name());
      }
      this.detector = new TextDetector(detectorNet, options.detectionLimit(), new DbPostProcessor(0.3f, 0.6f, 1.5f));
      this.recognizer = new TextRecognizer(recognizerNet, new CtcDecoder(dictionary));
      int classes = recognizerClasses(model);
      if (classes != dictionary.size()) {
        throw new ModelException("the recogniser " + model.recognizer() + " has " + classes + " classes but the "
            + "dictionary " + model.dictionary() + " gives " + dictionary.size() + " (blank + "
            + (dictionary.size() - 2) + " characters + space): they belong to different models (PP-OCRv4's "
            + "ppocr_keys_v1.txt gives 6625, PP-OCRv5's ppocrv5_dict.txt 18385)");
      }
    } catch (RuntimeException e) {
      close();
      throw e;
    }
  }

  /** @return the recogniser's class count, or a ModelException if it is not a line recogniser at all */
  private int recognizerClasses(PpOcrModel model) {
    try {
      return recognizer.classes();
    } catch (InferenceException | IllegalStateException e) {
      throw new ModelException("the recogniser " + model.recognizer() + " is not a PP-OCR line recogniser: it fails "
          + "on a blank 48 x 320 line (" + e.getMessage() + ")", e);
    }
  }

  private OnnxNet load(Path file, PpOcrOptions options) {
    OnnxNet net = OnnxNet.load(file, options.threads());
    nets.add(net);
    return net;
  }

  /**
   * Opens the engine on a model directory ({@link PpOcrModel#inDirectory}).
   *
   * @param modelDir the directory with PP-OCRv4's or PP-OCRv5's files
   * @param options the settings
   * @return the engine
   * @throws ModelException if a file is missing or cannot be loaded
   */
  public static PpOcrEngine open(Path modelDir, PpOcrOptions options) {
    return open(PpOcrModel.inDirectory(modelDir), options);
  }

  /**
   * Opens the engine.
   *
   * @param model the model's files
   * @param options the settings
   * @return the engine
   * @throws ModelException if a file is missing or cannot be loaded, or the dictionary does not fit the recogniser
   */
  public static PpOcrEngine open(PpOcrModel model, PpOcrOptions options) {
    return new PpOcrEngine(model, options, new WordSpacer());
  }

  /** Opens the engine with a word spacer tuned differently, for measuring the spacer. */
  static PpOcrEngine open(Path modelDir, PpOcrOptions options, WordSpacer spacer) {
    return new PpOcrEngine(PpOcrModel.inDirectory(modelDir), options, spacer);
  }

  @Override
  public ModelInfo info() {
    return info;
  }

  @Override
  public OcrResult read(Picture picture) {
    Mat bgr = PictureMats.bgr(picture);
    List<Mat> crops = new ArrayList<>();
    try {
      List<Quad> boxes = detector.detect(bgr);
      float minConfidence = options.minConfidence();
      if (boxes.isEmpty() && Math.min(bgr.rows(), bgr.cols()) < TextDetector.SMALL) {
        // a small image in which DB finds nothing is likely a cut-out word: read it whole, but only trust a
        // confident reading
        boxes = List.of(Quad.of(bgr.cols(), bgr.rows()));
        minConfidence = Math.max(minConfidence, WHOLE_IMAGE_CONFIDENCE);
      }
      if (boxes.isEmpty()) {
        return OcrResult.EMPTY;
      }
      for (Quad box : boxes) {
        crops.add(LineCropper.crop(bgr, box));
      }
      boolean upsideDown = options.angleClassifier() && classifier.isPresent()
          && 2 * classifier.get().uprightInPlace(crops) > crops.size();
      List<TextRecognizer.Recognized> texts = recognizer.recognize(crops);
      List<TextLine> lines = new ArrayList<>();
      double toFullSize = 1.0 / picture.scale();
      for (int i = 0; i < boxes.size(); i++) {
        TextRecognizer.Recognized r = texts.get(i);
        if (r.decoded().confidence() < minConfidence) {
          continue;
        }
        String text = options.splitWords() ? spacer.text(r, crops.get(i)) : r.decoded().text();
        text = text.strip().replaceAll("\\s+", " ");
        if (!text.isEmpty()) {
          lines.add(new TextLine(text, boxes.get(i).polygon(toFullSize), r.decoded().confidence()));
        }
      }
      if (upsideDown) {
        java.util.Collections.reverse(lines); // an upside-down page reads bottom to top, right to left
      }
      return lines.isEmpty() ? OcrResult.EMPTY : new OcrResult(lines);
    } catch (RuntimeException e) {
      if (e instanceof InferenceException) {
        throw e;
      }
      throw new InferenceException("PP-OCR failed on " + picture + ": " + e, e);
    } finally {
      bgr.release();
      crops.forEach(Mat::release);
    }
  }

  @Override
  public void close() {
    nets.forEach(OnnxNet::close);
  }
}
