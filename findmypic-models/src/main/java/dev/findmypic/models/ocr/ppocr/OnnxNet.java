package dev.findmypic.models.ocr.ppocr;

import ai.djl.MalformedModelException;
import ai.djl.inference.Predictor;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.repository.zoo.Criteria;
import ai.djl.repository.zoo.ModelNotFoundException;
import ai.djl.repository.zoo.ZooModel;
import ai.djl.translate.NoopTranslator;
import ai.djl.translate.TranslateException;
import dev.findmypic.core.InferenceException;
import dev.findmypic.core.ModelException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One ONNX network on DJL's ONNX Runtime engine, with one float input and one float output. Thread-safe: each call
 * opens its own predictor and frees its arrays with a sub-manager.
 */
final class OnnxNet implements AutoCloseable {
  /** A float tensor: its values, row-major, and its shape. */
  record Tensor(float[] data, long[] shape) {}

  private final Path file;
  private final ZooModel<NDList, NDList> model;

  private OnnxNet(Path file, ZooModel<NDList, NDList> model) {
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
    Criteria<NDList, NDList> criteria = Criteria.builder()
        .setTypes(NDList.class, NDList.class)
        .optModelPath(file)
        .optEngine("OnnxRuntime")
        .optTranslator(new NoopTranslator())
        .optOption("interOpNumThreads", "1")
        .optOption("intraOpNumThreads", Integer.toString(threads))
        .build();
    try {
      return new OnnxNet(file, criteria.loadModel());
    } catch (IOException | ModelNotFoundException | MalformedModelException | RuntimeException e) {
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
        Predictor<NDList, NDList> predictor = model.newPredictor()) {
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
