package dev.findmypic.models.face.facenet;

import ai.djl.Device;
import ai.djl.engine.EngineException;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.findmypic.core.InferenceException;
import dev.findmypic.core.ModelException;
import dev.findmypic.core.Picture;
import dev.findmypic.models.checkpoint.Checkpoint;
import dev.findmypic.models.checkpoint.Checkpoints;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * facenet-pytorch's {@code InceptionResnetV1} (512-d FaceNet) on DJL's PyTorch engine, loaded from facenet-pytorch's
 * weight files ({@link FaceNetWeights}; zip or legacy {@code torch.save}, or safetensors), with the face crop
 * facenet-pytorch's MTCNN makes: {@code extract_face} (margin, 160×160 PIL bilinear) and
 * {@code fixed_image_standardization}.
 *
 * <p>Thread-safe. Closing frees the weights.
 */
public final class FaceNetEmbedder implements AutoCloseable {
  /** The crop side facenet-pytorch uses. */
  public static final int IMAGE_SIZE = 160;
  private static final int BATCH = 32;

  private final NDManager manager;
  private final InceptionResnetV1 network;
  private final int margin;

  private FaceNetEmbedder(NDManager manager, InceptionResnetV1 network, int margin) {
    this.manager = manager;
    this.network = network;
    this.margin = margin;
  }

  /**
   * Loads the weights of a file.
   *
   * @param weights a facenet-pytorch state_dict, for example {@code 20180402-114759-vggface2.pt}
   * @param margin the crop margin in output pixels (facenet-pytorch's MTCNN default: 0)
   * @return the embedder; the caller closes it
   * @throws ModelException if the file is missing, malformed, or the PyTorch engine cannot start
   */
  public static FaceNetEmbedder open(Path weights, int margin) {
    try (Checkpoint checkpoint = Checkpoints.open(weights)) {
      return open(checkpoint, margin);
    }
  }

  /**
   * Builds the embedder from an open checkpoint, which may be closed afterwards.
   *
   * @param checkpoint the state_dict
   * @param margin the crop margin in output pixels
   * @return the embedder; the caller closes it
   */
  static FaceNetEmbedder open(Checkpoint checkpoint, int margin) {
    if (margin < 0 || margin >= IMAGE_SIZE) {
      throw new IllegalArgumentException("margin must be in [0, " + IMAGE_SIZE + "), got " + margin);
    }
    NDManager manager;
    try {
      manager = NDManager.newBaseManager(Device.cpu(), "PyTorch");
    } catch (EngineException | IllegalArgumentException e) {
      throw new ModelException("cannot start DJL's PyTorch engine for FaceNet: " + e.getMessage(), e);
    }
    try {
      return new FaceNetEmbedder(manager, InceptionResnetV1.load(checkpoint, manager), margin);
    } catch (RuntimeException e) {
      manager.close();
      throw e;
    }
  }

  /**
   * Crops and standardises faces as facenet-pytorch's MTCNN {@code forward} does.
   *
   * @param picture the picture
   * @param boxes face boxes in the picture's own pixels, {x1, y1, x2, y2} each
   * @return [N,3,160,160] planar floats
   */
  float[] crops(Picture picture, List<float[]> boxes) {
    byte[] rgb = picture.copyRgb();
    int per = 3 * IMAGE_SIZE * IMAGE_SIZE;
    float[] out = new float[boxes.size() * per];
    for (int i = 0; i < boxes.size(); i++) {
      float[] b = boxes.get(i);
      int[] box = FaceCrop.cropBox(b[0], b[1], b[2], b[3], picture.width(), picture.height(), IMAGE_SIZE, margin);
      FaceCrop.extract(rgb, picture.width(), picture.height(), box, IMAGE_SIZE, out, i * per);
    }
    return out;
  }

  /**
   * Embeds faces of a picture.
   *
   * @param picture the picture
   * @param boxes face boxes in the picture's own pixels, {x1, y1, x2, y2} each
   * @return one 512-d unit vector per box
   */
  public List<float[]> embed(Picture picture, List<float[]> boxes) {
    return embedCrops(crops(picture, boxes), boxes.size());
  }

  /**
   * Embeds standardised crops.
   *
   * @param crops [n,3,160,160] planar floats
   * @param n the number of crops
   * @return one 512-d unit vector per crop
   */
  public List<float[]> embedCrops(float[] crops, int n) {
    int per = 3 * IMAGE_SIZE * IMAGE_SIZE;
    if (crops.length != n * per) {
      throw new IllegalArgumentException("expected " + n * per + " floats for " + n + " crops, got " + crops.length);
    }
    List<float[]> vectors = new ArrayList<>(n);
    for (int from = 0; from < n; from += BATCH) {
      int count = Math.min(BATCH, n - from);
      try (NDManager batch = manager.newSubManager()) {
        float[] slice = java.util.Arrays.copyOfRange(crops, from * per, (from + count) * per);
        NDArray out = network.forward(batch.create(slice, new Shape(count, 3, IMAGE_SIZE, IMAGE_SIZE)));
        float[] flat = out.toFloatArray();
        for (int i = 0; i < count; i++) {
          vectors.add(java.util.Arrays.copyOfRange(flat, i * InceptionResnetV1.DIMENSION,
              (i + 1) * InceptionResnetV1.DIMENSION));
        }
      } catch (EngineException e) {
        throw new InferenceException("FaceNet failed on a batch of " + count + " faces: " + e.getMessage(), e);
      }
    }
    return vectors;
  }

  /** @return the network, for tests that look at intermediate results */
  InceptionResnetV1 network() {
    return network;
  }

  /** @return the manager that owns the weights */
  NDManager manager() {
    return manager;
  }

  @Override
  public void close() {
    manager.close();
  }
}
