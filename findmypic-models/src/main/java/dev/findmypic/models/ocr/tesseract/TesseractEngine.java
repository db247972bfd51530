package dev.findmypic.models.ocr.tesseract;

import dev.findmypic.core.InferenceException;
import dev.findmypic.core.ModelException;
import dev.findmypic.core.ModelInfo;
import dev.findmypic.core.OcrEngine;
import dev.findmypic.core.OcrResult;
import dev.findmypic.core.Picture;
import dev.findmypic.core.Point;
import dev.findmypic.core.TextLine;
import dev.findmypic.core.store.ModelStore;
import dev.findmypic.models.store.ModelCatalog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Semaphore;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.tesseract.ResultIterator;
import org.bytedeco.tesseract.TessBaseAPI;
import org.bytedeco.tesseract.global.tesseract;

/**
 * Tesseract 5 (LSTM) through the bytedeco natives: text lines with their boxes and confidences. A {@code TessBaseAPI}
 * serves one thread at a time, so the engine keeps a small pool of them (created on demand, at most
 * {@link TesseractOptions#instances()}). Thread-safe.
 */
public final class TesseractEngine implements OcrEngine {
  private final Path tessdata;
  private final TesseractOptions options;
  private final ModelInfo info;
  private final Semaphore permits;
  private final BlockingQueue<TessBaseAPI> idle;
  private final List<TessBaseAPI> all = new CopyOnWriteArrayList<>();
  private volatile boolean closed;

  private TesseractEngine(Path tessdata, TesseractOptions options, ModelInfo info) {
    this.tessdata = tessdata;
    this.options = options;
    this.info = info;
    this.permits = new Semaphore(options.instances());
    this.idle = new ArrayBlockingQueue<>(options.instances());
  }

  /**
   * Opens the engine and starts one Tesseract instance, so that a bad model fails here.
   *
   * @param tessdata the directory holding {@code <language>.traineddata}
   * @param options the settings
   * @return the engine
   * @throws ModelException if a traineddata file is missing or Tesseract cannot load it
   */
  public static TesseractEngine open(Path tessdata, TesseractOptions options) {
    for (String lang : options.language().split("\\+")) {
      Path file = tessdata.resolve(lang + ".traineddata");
      if (!Files.isRegularFile(file)) {
        throw new ModelException("Tesseract model missing: " + file + " (fetch tessdata_fast " + lang
            + ".traineddata into that directory)");
      }
    }
    ModelInfo info = new ModelInfo("tesseract/tessdata_fast-" + options.language(),
        tesseract.TessVersion().getString() + "-psm" + options.pageSegMode(), 0, Set.of());
    TesseractEngine engine = new TesseractEngine(tessdata, options, info);
    engine.idle.add(engine.newApi());
    return engine;
  }

  /**
   * Opens the engine on tessdata_fast's {@code eng.traineddata} from the model store
   * ({@link ModelCatalog#TESSERACT_ENG_FAST}): downloaded into the data directory on first use, checked against its
   * pinned sha256, and used offline from then on. To use another copy, pass its directory to
   * {@link #open(Path, TesseractOptions)}.
   *
   * @param store the model store
   * @param options the settings; the language must be {@code eng}, the only one in the catalogue
   * @return the engine
   * @throws ModelException if the model cannot be had, or the language is not {@code eng}
   */
  public static TesseractEngine open(ModelStore store, TesseractOptions options) {
    if (!options.language().equals("eng")) {
      throw new ModelException("the model store has Tesseract's eng only, not '" + options.language() + "'; put "
          + "tessdata_fast's traineddata files in a directory and open the engine on that directory");
    }
    return open(store.resolve(ModelCatalog.TESSERACT_ENG_FAST).directory(), options);
  }

  private TessBaseAPI newApi() {
    TessBaseAPI api = new TessBaseAPI();
    if (api.Init(tessdata.toString(), options.language()) != 0) {
      api.close();
      throw new ModelException("Tesseract could not load '" + options.language() + "' from " + tessdata
          + " (a damaged or incompatible traineddata file?)");
    }
    api.SetPageSegMode(options.pageSegMode());
    all.add(api);
    return api;
  }

  @Override
  public ModelInfo info() {
    return info;
  }

  @Override
  public OcrResult read(Picture picture) {
    permits.acquireUninterruptibly();
    TessBaseAPI api = null;
    try {
      if (closed) {
        throw new IllegalStateException("the Tesseract engine is closed");
      }
      api = idle.poll();
      if (api == null) {
        api = newApi();
      }
      return recognize(api, picture);
    } finally {
      if (api != null) {
        api.Clear();
        idle.add(api);
      }
      permits.release();
    }
  }

  private OcrResult recognize(TessBaseAPI api, Picture picture) {
    byte[] rgb = picture.copyRgb();
    api.SetImage(rgb, picture.width(), picture.height(), 3, picture.width() * 3);
    api.SetSourceResolution(300);
    if (api.Recognize(null) != 0) {
      throw new InferenceException("Tesseract failed to recognise " + picture);
    }
    ResultIterator it = api.GetIterator();
    if (it == null) {
      return OcrResult.EMPTY;
    }
    double toFullSize = 1.0 / picture.scale();
    List<TextLine> lines = new ArrayList<>();
    int level = tesseract.RIL_TEXTLINE;
    int[] left = new int[1];
    int[] top = new int[1];
    int[] right = new int[1];
    int[] bottom = new int[1];
    try {
      do {
        BytePointer utf8 = it.GetUTF8Text(level);
        if (utf8 == null) {
          continue;
        }
        String text = utf8.getString(java.nio.charset.StandardCharsets.UTF_8).strip().replaceAll("\\s+", " ");
        utf8.deallocate();
        float confidence = it.Confidence(level) / 100f;
        if (text.isEmpty() || confidence < options.minConfidence() || !it.BoundingBox(level, left, top, right, bottom)) {
          continue;
        }
        float x0 = (float) (left[0] * toFullSize);
        float y0 = (float) (top[0] * toFullSize);
        float x1 = (float) (right[0] * toFullSize);
        float y1 = (float) (bottom[0] * toFullSize);
        lines.add(new TextLine(text, List.of(new Point(x0, y0), new Point(x1, y0), new Point(x1, y1), new Point(x0, y1)),
            confidence));
      } while (it.Next(level));
    } finally {
      it.deallocate();
    }
    return lines.isEmpty() ? OcrResult.EMPTY : new OcrResult(lines);
  }

  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    permits.acquireUninterruptibly(options.instances());
    for (TessBaseAPI api : all) {
      api.End();
      api.close();
    }
    all.clear();
    idle.clear();
  }
}
