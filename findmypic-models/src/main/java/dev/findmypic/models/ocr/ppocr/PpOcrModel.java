package dev.findmypic.models.ocr.ppocr;

import dev.findmypic.core.ModelException;
import dev.findmypic.core.store.ModelRef;
import dev.findmypic.core.store.ResolvedModel;
import dev.findmypic.models.store.ModelCatalog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The files of one PP-OCR model: detector, recogniser, the recogniser's dictionary and, optionally, the 180-degree
 * line classifier. PP-OCRv4 and PP-OCRv5 run through the same pipeline; for inference they differ only in these
 * files (v5's recogniser has 18,385 classes against v4's 6,625, and its dictionary starts with the ideographic
 * space U+3000), which {@link PpOcrEngine} checks against each other when it opens them.
 *
 * @param name the model's name, for {@link dev.findmypic.core.ModelInfo}, for example {@code paddleocr/PP-OCRv5-mobile}
 * @param detector the DB text detector ({@code .onnx})
 * @param recognizer the CTC line recogniser ({@code .onnx})
 * @param dictionary the recogniser's dictionary, one character a line
 * @param classifier the angle classifier ({@code .onnx}), if there is one; without it no line is turned
 */
public record PpOcrModel(String name, Path detector, Path recognizer, Path dictionary, Optional<Path> classifier) {
  /** PP-OCRv4's detector file name, in the class-path jar and {@code ../shared/models/ppocr-v4}. */
  public static final String V4_DETECTOR = "ch_PP-OCRv4_det_infer.onnx";
  /** PP-OCRv4's recogniser file name. */
  public static final String V4_RECOGNIZER = "ch_PP-OCRv4_rec_infer.onnx";
  /** PP-OCRv4's dictionary file name. */
  public static final String V4_DICTIONARY = "ppocr_keys_v1.txt";
  /** The angle classifier's file name (the v2.0 mobile classifier, which RapidOCR pairs with v4 and v5 alike). */
  public static final String CLASSIFIER = "ch_ppocr_mobile_v2.0_cls_infer.onnx";
  /** PP-OCRv5's detector file name in a directory the user names. */
  public static final String V5_DETECTOR = "PP-OCRv5_mobile_det.onnx";
  /** PP-OCRv5's recogniser file name in a directory the user names. */
  public static final String V5_RECOGNIZER = "PP-OCRv5_mobile_rec.onnx";
  /** PP-OCRv5's dictionary file name, in a directory or from the model store. */
  public static final String V5_DICTIONARY = "ppocrv5_dict.txt";

  private static final String V4_NAME = "paddleocr/PP-OCRv4-ch";
  private static final String V5_NAME = "paddleocr/PP-OCRv5-mobile";
  /** The file name of both official ONNX exports in their Hub repositories. */
  private static final String HUB_ONNX = "inference.onnx";

  /** Checks the arguments. */
  public PpOcrModel {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(detector, "detector");
    Objects.requireNonNull(recognizer, "recognizer");
    Objects.requireNonNull(dictionary, "dictionary");
    Objects.requireNonNull(classifier, "classifier");
  }

  /**
   * The model in a directory: PP-OCRv4 ({@value #V4_DETECTOR}, {@value #V4_RECOGNIZER}, {@value #V4_DICTIONARY}) or
   * PP-OCRv5 ({@value #V5_DETECTOR}, {@value #V5_RECOGNIZER}, {@value #V5_DICTIONARY}), each with
   * {@value #CLASSIFIER} if the directory has it.
   *
   * @param dir the directory
   * @return the model
   * @throws ModelException naming the directory and the files expected if it holds neither
   */
  public static PpOcrModel inDirectory(Path dir) {
    if (Files.isRegularFile(dir.resolve(V5_DETECTOR)) && !Files.isRegularFile(dir.resolve(V4_DETECTOR))) {
      return new PpOcrModel(V5_NAME, dir.resolve(V5_DETECTOR), dir.resolve(V5_RECOGNIZER),
          dir.resolve(V5_DICTIONARY), classifierIn(List.of(dir)));
    }
    if (Files.isRegularFile(dir.resolve(V4_DETECTOR))) {
      return new PpOcrModel(V4_NAME, dir.resolve(V4_DETECTOR), dir.resolve(V4_RECOGNIZER),
          dir.resolve(V4_DICTIONARY), Optional.of(dir.resolve(CLASSIFIER)));
    }
    throw new ModelException("no PP-OCR model in " + dir + ": expected " + V4_DETECTOR + ", " + V4_RECOGNIZER
        + ", " + V4_DICTIONARY + " and " + CLASSIFIER + " (PP-OCRv4), or " + V5_DETECTOR + ", " + V5_RECOGNIZER
        + " and " + V5_DICTIONARY + " (PP-OCRv5)");
  }

  /**
   * Finds a PP-OCR model among the models the store resolved for a role: PP-OCRv5 as the catalogue's Hub
   * repositories ({@link ModelCatalog#PPOCR_V5_MOBILE}) give it, or a directory that {@link #inDirectory} reads.
   *
   * @param models the resolved models
   * @return the model, if they hold one
   */
  public static Optional<PpOcrModel> find(List<ResolvedModel> models) {
    Optional<Path> det = hubFile(models, ModelCatalog.PPOCR_V5_MOBILE_DET);
    Optional<Path> rec = hubFile(models, ModelCatalog.PPOCR_V5_MOBILE_REC);
    List<Path> dirs = models.stream().map(ResolvedModel::directory).toList();
    if (det.isPresent() && rec.isPresent()) {
      Path dictionary = dirs.stream().map(d -> d.resolve(V5_DICTIONARY)).filter(Files::isRegularFile).findFirst()
          .orElseThrow(() -> new ModelException("PP-OCRv5's dictionary " + V5_DICTIONARY + " is in none of "
              + dirs + " (it comes with " + ModelCatalog.PPOCR_V5_DICT.id() + ")"));
      return Optional.of(new PpOcrModel(V5_NAME, det.get(), rec.get(), dictionary, classifierIn(dirs)));
    }
    for (Path dir : dirs) {
      if (Files.isRegularFile(dir.resolve(V4_DETECTOR)) || Files.isRegularFile(dir.resolve(V5_DETECTOR))) {
        return Optional.of(inDirectory(dir));
      }
    }
    return Optional.empty();
  }

  /** @return every file of the model, the classifier last if there is one */
  List<Path> files() {
    return classifier.map(c -> List.of(detector, recognizer, dictionary, c))
        .orElseGet(() -> List.of(detector, recognizer, dictionary));
  }

  private static Optional<Path> hubFile(List<ResolvedModel> models, ModelRef.Hub ref) {
    return models.stream().filter(m -> m.ref().equals(ref)).findFirst().map(m -> m.file(HUB_ONNX));
  }

  private static Optional<Path> classifierIn(List<Path> dirs) {
    return dirs.stream().map(d -> d.resolve(CLASSIFIER)).filter(Files::isRegularFile).findFirst();
  }
}
