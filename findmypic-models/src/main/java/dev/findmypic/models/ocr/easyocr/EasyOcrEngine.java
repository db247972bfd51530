package dev.findmypic.models.ocr.easyocr;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.findmypic.core.FindMyPicException;
import dev.findmypic.core.InferenceException;
import dev.findmypic.core.ModelInfo;
import dev.findmypic.core.OcrEngine;
import dev.findmypic.core.OcrResult;
import dev.findmypic.core.Picture;
import dev.findmypic.core.Point;
import dev.findmypic.core.TextLine;
import dev.findmypic.models.checkpoint.Checkpoint;
import dev.findmypic.models.checkpoint.Checkpoints;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * EasyOCR ({@code easyocr.Reader(['en'])}) natively on DJL: the CRAFT detector ({@code craft_mlt_25k.pth}) and the
 * generation-2 English recogniser ({@code english_g2.pth}) read from EasyOCR's own weight files, with EasyOCR's
 * pre- and post-processing, so that {@link #readText} gives what {@code readtext(image)} gives.
 *
 * <pre>{@code
 * try (EasyOcrEngine ocr = EasyOcrEngine.open(EasyOcrModels.defaultDirectory(), EasyOcrSettings.defaults())) {
 *   for (TextLine line : ocr.readText(picture)) { ... }
 * }
 * }</pre>
 *
 * <p>Thread-safe: each call works in its own native memory scope.
 */
public final class EasyOcrEngine implements OcrEngine {
  private final ModelInfo info;
  private final NDManager manager;
  private final CraftNet craft;
  private final CraftPreprocessor preprocessor;
  private final CraftPostprocessor postprocessor;
  private final TextBoxGrouper grouper;
  private final TextRecognizer recognizer;
  private final AtomicBoolean closed = new AtomicBoolean();

  private EasyOcrEngine(ModelInfo info, NDManager manager, CraftNet craft, RecognizerNet recognizerNet,
      EasyOcrSettings settings) {
    this.info = info;
    this.manager = manager;
    this.craft = craft;
    this.preprocessor = new CraftPreprocessor(settings.canvasSize(), settings.magRatio());
    this.postprocessor = new CraftPostprocessor(settings.textThreshold(), settings.linkThreshold(),
        settings.lowText());
    this.grouper = new TextBoxGrouper(settings);
    this.recognizer = new TextRecognizer(recognizerNet, new CtcGreedyDecoder(EnglishG2.CHARACTERS),
        settings.contrastThreshold(), settings.adjustContrast());
  }

  /**
   * Opens EasyOCR's weight files, as EasyOCR saves them (legacy or zip {@code torch.save}, with or without the
   * {@code module.} prefix). The revision in {@link #info()} is the pair of md5 sums; a sum that differs from the
   * one EasyOCR publishes is logged, not refused (a fine-tuned model has its own).
   *
   * @param directory the directory holding {@code craft_mlt_25k.pth} and {@code english_g2.pth}, for example
   *     {@link EasyOcrModels#defaultDirectory()}
   * @param settings the readtext parameters, usually {@link EasyOcrSettings#defaults()}
   * @return the engine; the caller closes it
   * @throws dev.findmypic.core.ModelException naming the file if one is missing or unreadable
   * @throws dev.findmypic.core.ModelFormatException naming the file and tensor if a file is malformed
   */
  public static EasyOcrEngine open(Path directory, EasyOcrSettings settings) {
    Path detector = EasyOcrModels.file(directory, EasyOcrModels.DETECTOR_FILE);
    Path recognizer = EasyOcrModels.file(directory, EasyOcrModels.RECOGNIZER_FILE);
    String revision = EasyOcrModels.md5(detector, EasyOcrModels.DETECTOR_MD5) + "+"
        + EasyOcrModels.md5(recognizer, EasyOcrModels.RECOGNIZER_MD5);
    try (Checkpoint d = Checkpoints.open(detector);
        Checkpoint r = Checkpoints.open(recognizer)) {
      return of(d, r, settings, revision);
    }
  }

  /**
   * Builds an engine from opened checkpoints; the checkpoints may be closed afterwards.
   *
   * @param detector the state dict of {@code craft_mlt_25k.pth}
   * @param recognizer the state dict of {@code english_g2.pth}
   * @param settings the readtext parameters
   * @param revision identifies the weights, for {@link #info()}
   * @return the engine
   * @throws dev.findmypic.core.ModelFormatException naming the file and tensor if a tensor is missing or misshapen
   */
  static EasyOcrEngine of(Checkpoint detector, Checkpoint recognizer, EasyOcrSettings settings, String revision) {
    NDManager manager = NDManager.newBaseManager("PyTorch");
    try {
      CraftNet craft = CraftNet.load(new StateDict(detector), manager);
      RecognizerNet rec = RecognizerNet.load(new StateDict(recognizer), EnglishG2.CHARACTERS.codePointCount(0,
          EnglishG2.CHARACTERS.length()) + 1, manager);
      ModelInfo info = new ModelInfo(EasyOcrModels.ID, revision, 0, Set.of());
      return new EasyOcrEngine(info, manager, craft, rec, settings);
    } catch (RuntimeException e) {
      manager.close();
      throw e;
    }
  }

  @Override
  public ModelInfo info() {
    return info;
  }

  /**
   * Reads a picture as EasyOCR's {@code readtext} does: lines first (top to bottom, then left to right within a
   * line), then tilted boxes; coordinates in the pixels of this picture.
   *
   * @param picture the picture
   * @return box, text and confidence of each line, possibly empty
   * @throws InferenceException if the native engine fails
   */
  public List<TextLine> readText(Picture picture) {
    Objects.requireNonNull(picture, "picture");
    if (closed.get()) {
      throw new IllegalStateException("the EasyOCR engine is closed");
    }
    try (NDManager call = manager.newSubManager();
        CropExtractor cropper = new CropExtractor(picture)) {
      TextBoxGrouper.Groups groups = grouper.group(detect(picture, call));
      List<Crop> crops = new ArrayList<>();
      groups.lines().forEach(l -> cropper.line(l).ifPresent(crops::add));
      groups.free().forEach(q -> cropper.free(q).ifPresent(crops::add));
      List<Recognition> read = recognizer.recognize(crops, call);
      List<TextLine> lines = new ArrayList<>(crops.size());
      for (int i = 0; i < crops.size(); i++) {
        lines.add(new TextLine(read.get(i).text(), crops.get(i).box(), (float) read.get(i).confidence()));
      }
      return lines;
    } catch (FindMyPicException e) {
      throw e;
    } catch (RuntimeException e) {
      throw new InferenceException("EasyOCR failed on " + picture + ": " + e.getMessage(), e);
    }
  }

  /**
   * Runs CRAFT and its post-processing.
   *
   * @return word boxes in picture pixels, truncated to integers as EasyOCR's {@code get_textbox} does
   */
  List<int[]> detect(Picture picture, NDManager call) {
    CraftPreprocessor.Canvas canvas = preprocessor.prepare(picture);
    float[] y;
    try (NDManager scope = call.newSubManager()) {
      NDArray x = scope.create(canvas.chw(), new Shape(1, 3, canvas.height(), canvas.width()));
      y = craft.forward(x).y().toFloatArray();
    }
    int mw = canvas.width() / 2;
    int mh = canvas.height() / 2;
    float[] region = new float[mw * mh];
    float[] affinity = new float[mw * mh];
    for (int i = 0; i < region.length; i++) {
      region[i] = y[2 * i];
      affinity[i] = y[2 * i + 1];
    }
    List<int[]> polys = new ArrayList<>();
    for (CraftPostprocessor.Detection d : postprocessor.boxes(new ScoreMaps(region, affinity, mw, mh))) {
      polys.add(toPicture(d.box(), canvas.ratio()));
    }
    return polys;
  }

  /**
   * Maps a box from score-map cells to picture pixels as EasyOCR does: times {@code 2 / ratio} (into float32), then
   * truncated to integers.
   *
   * @param box a box in score-map coordinates
   * @param ratio the detector's scaling of the picture
   * @return {@code x0 y0 x1 y1 x2 y2 x3 y3}
   */
  static int[] toPicture(Quad box, double ratio) {
    double scale = 1.0 / ratio * 2;
    int[] poly = new int[8];
    List<Point> corners = box.points();
    for (int c = 0; c < 4; c++) {
      poly[2 * c] = (int) (float) (corners.get(c).x() * scale);
      poly[2 * c + 1] = (int) (float) (corners.get(c).y() * scale);
    }
    return poly;
  }

  /**
   * Reads a picture; the polygons are mapped to the full-size upright image when the picture was decoded at a
   * reduced scale.
   *
   * @param picture the picture
   * @return the lines in EasyOCR's order
   */
  @Override
  public OcrResult read(Picture picture) {
    List<TextLine> lines = readText(picture);
    if (lines.isEmpty()) {
      return OcrResult.EMPTY;
    }
    float f = (float) (1.0 / picture.scale());
    List<TextLine> out = new ArrayList<>(lines.size());
    for (TextLine l : lines) {
      List<Point> polygon = f == 1f ? l.polygon()
          : l.polygon().stream().map(p -> new Point(p.x() * f, p.y() * f)).toList();
      out.add(new TextLine(l.text(), polygon, l.confidence()));
    }
    return new OcrResult(out);
  }

  @Override
  public void close() {
    if (closed.compareAndSet(false, true)) {
      manager.close();
    }
  }
}
