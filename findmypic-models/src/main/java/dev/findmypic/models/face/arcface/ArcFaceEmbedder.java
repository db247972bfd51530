package dev.findmypic.models.face.arcface;

import ai.djl.MalformedModelException;
import ai.djl.inference.Predictor;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.repository.zoo.Criteria;
import ai.djl.repository.zoo.ModelNotFoundException;
import ai.djl.repository.zoo.ZooModel;
import ai.djl.translate.NoopTranslator;
import ai.djl.translate.TranslateException;
import dev.findmypic.core.DetectedFace;
import dev.findmypic.core.InferenceException;
import dev.findmypic.core.ModelException;
import dev.findmypic.core.Picture;
import dev.findmypic.core.Point;
import dev.findmypic.core.Vectors;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Any ArcFace-style face embedder in ONNX, given by path (insightface's {@code w600k_r50.onnx}, OpenCV Zoo's SFace, a
 * user's own licensed model): input [N,3,112,112], output [N,D]. Each face is aligned by its five landmarks onto the
 * standard ArcFace template ({@link ArcFaceAligner}), normalised per {@link ArcFaceOptions}, run through ONNX Runtime,
 * and L2-normalised.
 *
 * <p>Thread-safe: each call takes its own predictor. Closing frees the model.
 */
public final class ArcFaceEmbedder implements AutoCloseable {
  private final ZooModel<NDList, NDList> model;
  private final ArcFaceOptions options;

  private ArcFaceEmbedder(ZooModel<NDList, NDList> model, ArcFaceOptions options) {
    this.model = model;
    this.options = options;
  }

  /**
   * Loads an ONNX model.
   *
   * @param onnx the {@code .onnx} file
   * @param options its input normalisation
   * @return the embedder; the caller closes it
   * @throws ModelException if the file is missing or ONNX Runtime cannot load it
   */
  public static ArcFaceEmbedder open(Path onnx, ArcFaceOptions options) {
    Objects.requireNonNull(options, "options");
    if (!Files.isRegularFile(onnx)) {
      throw new ModelException("ArcFace ONNX model not found: " + onnx.toAbsolutePath());
    }
    Criteria<NDList, NDList> criteria = Criteria.builder()
        .setTypes(NDList.class, NDList.class)
        .optModelPath(onnx.toAbsolutePath())
        .optEngine("OnnxRuntime")
        .optTranslator(new NoopTranslator())
        .build();
    try {
      return new ArcFaceEmbedder(criteria.loadModel(), options);
    } catch (IOException | ModelNotFoundException | MalformedModelException | RuntimeException e) {
      throw new ModelException("ONNX Runtime cannot load the face embedder " + onnx.toAbsolutePath() + ": "
          + e.getMessage(), e);
    }
  }

  /**
   * Aligns and normalises faces into the model's input.
   *
   * @param picture the picture
   * @param faces faces with five landmarks, in full-size pixels
   * @return [N,3,112,112] floats
   */
  float[] inputs(Picture picture, List<DetectedFace> faces) {
    byte[] rgb = picture.copyRgb();
    int plane = ArcFaceAligner.SIZE * ArcFaceAligner.SIZE;
    float[] out = new float[faces.size() * 3 * plane];
    float k = (float) picture.scale();
    for (int f = 0; f < faces.size(); f++) {
      List<Point> scaled = new ArrayList<>(5);
      for (Point p : faces.get(f).landmarks()) {
        scaled.add(new Point(p.x() * k, p.y() * k));
      }
      float[] crop = ArcFaceAligner.warp(rgb, picture.width(), picture.height(), ArcFaceAligner.toCrop(scaled));
      for (int i = 0; i < plane; i++) {
        for (int c = 0; c < 3; c++) {
          int channel = options.bgr() ? 2 - c : c;
          out[(f * 3 + channel) * plane + i] = (crop[i * 3 + c] - options.mean()) / options.std();
        }
      }
    }
    return out;
  }

  /**
   * Embeds faces.
   *
   * @param picture the picture the faces were found in
   * @param faces the faces, each with five landmarks
   * @return one unit vector per face
   */
  public List<float[]> embed(Picture picture, List<DetectedFace> faces) {
    if (faces.isEmpty()) {
      return List.of();
    }
    float[] input = inputs(picture, faces);
    try (NDManager scope = model.getNDManager().newSubManager();
        Predictor<NDList, NDList> predictor = model.newPredictor()) {
      NDList out = predictor.predict(new NDList(scope.create(input,
          new Shape(faces.size(), 3, ArcFaceAligner.SIZE, ArcFaceAligner.SIZE))));
      float[] flat = out.get(0).toFloatArray();
      int d = flat.length / faces.size();
      List<float[]> vectors = new ArrayList<>(faces.size());
      for (int i = 0; i < faces.size(); i++) {
        vectors.add(Vectors.normalizeInPlace(java.util.Arrays.copyOfRange(flat, i * d, (i + 1) * d)));
      }
      return vectors;
    } catch (TranslateException e) {
      throw new InferenceException("ArcFace embedder failed on " + faces.size() + " faces of a " + picture + ": "
          + e.getMessage(), e);
    }
  }

  @Override
  public void close() {
    model.close();
  }
}
