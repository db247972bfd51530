package dev.findmypic.models.ocr.ppocr;

import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.inference.Predictor;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.translate.NoopTranslator;
import ai.djl.translate.TranslateException;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.findmypic.core.InferenceException;
import dev.findmypic.core.ModelException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * One ONNX network on DJL's ONNX Runtime engine, with one float input and one float output. Thread-safe: each call
 * opens its own predictor and frees its arrays with a sub-manager.
 *
 * <p>The session runs without ONNX Runtime's memory patterns. A pattern is planned, and a block allocated from the
 * session's arena, for every input shape, and PP-OCR's inputs change shape with every picture and every batch of
 * lines. Reading the same four 2000x1500 photos 20 times, the patterns held 277 MB of arena against 133 MB
 * without them, at the same speed (16.1 and 16.0 s; benchmarks/pipeline/RESULTS.md). The arena itself stays on:
 * without it the same reads left over 500 MB free but resident in glibc's arenas.
 */
final class OnnxNet implements AutoCloseable {
  /** A float tensor: its values, row-major, and its shape. */
  record Tensor(float[] data, long[] shape) {}

  private final Path file;
  private final Model model;

  private OnnxNet(Path file, Model model) {
    this.file = file;
    this.model = model;
  }

  /**
   * Loads a network.
   *
   * @param file the {@code .onnx} file
   * @param threads intra-op threads for one inference
   * @return the network
   * @throws ModelException if the file is missing or not a loadable ONNX model
   */
  static OnnxNet load(Path file, int threads) {
    if (!Files.isRegularFile(file)) {
      throw new ModelException("PP-OCR model file missing: " + file);
    }
    // without this, DJL starts the PyTorch engine as well when it loads an ONNX model
    System.setProperty("ai.djl.onnx.disable_alternative", "true");
    Model model = Model.newInstance(file.getFileName().toString(), "OnnxRuntime");
    // DJL's string options can turn memory patterns on but not off: hand it the session options instead
    try (OrtSession.SessionOptions session = new OrtSession.SessionOptions()) {
      session.setMemoryPatternOptimization(false);
      model.load(file, null, Map.of(
          "sessionOptions", session,
          "interOpNumThreads", "1",
          "intraOpNumThreads", Integer.toString(threads)));
      return new OnnxNet(file, model);
    } catch (IOException | OrtException | MalformedModelException | RuntimeException e) {
      model.close();
      throw new ModelException("cannot load the ONNX model " + file + ": " + e.getMessage(), e);
    }
  }

  /**
   * Runs the network.
   *
   * @param input the input tensor
   * @return the first output
   * @throws InferenceException if ONNX Runtime fails
   */
  Tensor run(Tensor input) {
    try (NDManager scope = model.getNDManager().newSubManager();
        Predictor<NDList, NDList> predictor = model.newPredictor(new NoopTranslator())) {
      NDArray x = scope.create(input.data(), new Shape(input.shape()));
      NDList out = predictor.predict(new NDList(x));
      NDArray y = out.get(0);
      Tensor result = new Tensor(y.toFloatArray(), y.getShape().getShape());
      out.close();
      return result;
    } catch (TranslateException | RuntimeException e) {
      throw new InferenceException("PP-OCR model " + file.getFileName() + " failed on input "
          + java.util.Arrays.toString(input.shape()) + ": " + e.getMessage(), e);
    }
  }

  @Override
  public void close() {
    model.close();
  }
}
