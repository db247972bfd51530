package dev.findmypic.models.face.dlib;

import ai.djl.engine.EngineException;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import com.google.common.hash.Hashing;
import dev.findmypic.core.InferenceException;
import dev.findmypic.core.ModelException;
import dev.findmypic.core.Picture;
import dev.findmypic.models.checkpoint.TfjsWeights;
import dev.findmypic.models.face.align.FaceAligner;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.FloatBuffer;
import java.nio.file.Path;
import java.util.List;

/**
 * dlib's ResNet face descriptor (the network behind Python's {@code face_recognition}) on DJL's PyTorch engine, with
 * the weights face-api.js publishes as TF.js files. It turns aligned 150×150 RGB chips (see {@link FaceAligner}) into
 * 128-d descriptors, raw as dlib computes them: not normalised, compared by Euclidean distance with dlib's 0.6 rule.
 * Thread-safe; each call works in its own native memory scope.
 */
public final class DlibResnetEmbedder implements AutoCloseable {
  /** The weights manifest's file name in face-api.js's model folder. */
  public static final String MANIFEST = "face_recognition_model-weights_manifest.json";
  /** The length of a descriptor. */
  public static final int DIMENSION = 128;
  private static final int SIZE = FaceAligner.DLIB_CHIP_SIZE;

  private static final String WEIGHTS = "face_recognition_model.bin";

  private final NDManager manager;
  private final DlibResnetNetwork network;
  private final String revision;

  private DlibResnetEmbedder(NDManager manager, DlibResnetNetwork network, String revision) {
    this.manager = manager;
    this.network = network;
    this.revision = revision;
  }

  /**
   * Loads the network.
   *
   * @param modelDir the folder holding {@value #MANIFEST} and its {@code .bin}
   * @return the embedder; the caller closes it
   * @throws dev.findmypic.core.ModelFormatException if the files are malformed, truncated or tampered with
   * @throws dev.findmypic.core.ModelException if they cannot be read
   */
  public static DlibResnetEmbedder load(Path modelDir) {
    TfjsWeights weights = TfjsWeights.open(modelDir.resolve(MANIFEST));
    String revision = sha256(modelDir.resolve(WEIGHTS));
    NDManager manager;
    try {
      manager = NDManager.newBaseManager("PyTorch");
    } catch (EngineException | IllegalArgumentException e) {
      throw new ModelException("cannot start DJL's PyTorch engine for the dlib face descriptor: " + e.getMessage(), e);
    }
    try {
      return new DlibResnetEmbedder(manager, DlibResnetNetwork.load(weights, manager), revision);
    } catch (RuntimeException e) {
      manager.close();
      throw e;
    }
  }

  private static String sha256(Path file) {
    try {
      return "sha256:" + com.google.common.io.Files.asByteSource(file.toFile()).hash(Hashing.sha256());
    } catch (IOException e) {
      throw new ModelException(file + ": cannot read: " + e.getMessage(), e);
    }
  }

  /** @return {@code sha256:<hex>} of the weights file, which identifies the vectors this embedder makes */
  public String revision() {
    return revision;
  }

  /**
   * Computes raw dlib descriptors.
   *
   * @param chips aligned chips, each {@value FaceAligner#DLIB_CHIP_SIZE} pixels square
   * @return one 128-d descriptor per chip, in order, not normalised
   * @throws IllegalArgumentException if a chip has the wrong size
   * @throws InferenceException if the engine fails
   */
  public float[][] describe(List<Picture> chips) {
    float[][] out = new float[chips.size()][];
    if (chips.isEmpty()) {
      return out;
    }
    try (NDManager batch = manager.newSubManager()) {
      NDArray input = batch.create(planes(chips, batch), new Shape(chips.size(), 3, SIZE, SIZE));
      float[] flat = network.forward(input).toFloatArray();
      for (int i = 0; i < out.length; i++) {
        out[i] = new float[DIMENSION];
        System.arraycopy(flat, i * DIMENSION, out[i], 0, DIMENSION);
      }
      return out;
    } catch (EngineException e) {
      throw new InferenceException("dlib face descriptor failed on " + chips.size() + " chips: " + e.getMessage(), e);
    }
  }

  /** Lays the chips out as NCHW float planes, R then G then B, values 0..255. */
  private static FloatBuffer planes(List<Picture> chips, NDManager batch) {
    int plane = SIZE * SIZE;
    FloatBuffer planes = batch.allocateDirect(chips.size() * 3 * plane * Float.BYTES).asFloatBuffer();
    for (int n = 0; n < chips.size(); n++) {
      Picture chip = chips.get(n);
      if (chip.width() != SIZE || chip.height() != SIZE) {
        throw new IllegalArgumentException("a dlib face chip is " + SIZE + "x" + SIZE + ", got " + chip);
      }
      ByteBuffer rgb = chip.rgb();
      int base = n * 3 * plane;
      for (int p = 0; p < plane; p++) {
        planes.put(base + p, rgb.get(3 * p) & 0xFF);
        planes.put(base + plane + p, rgb.get(3 * p + 1) & 0xFF);
        planes.put(base + 2 * plane + p, rgb.get(3 * p + 2) & 0xFF);
      }
    }
    return planes;
  }

  /** Frees the network's native memory. Idempotent. */
  @Override
  public void close() {
    network.close();
    manager.close();
  }
}
