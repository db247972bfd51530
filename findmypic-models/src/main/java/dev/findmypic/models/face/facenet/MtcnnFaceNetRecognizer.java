package dev.findmypic.models.face.facenet;

import dev.findmypic.core.BoundingBox;
import dev.findmypic.core.DetectedFace;
import dev.findmypic.core.FaceRecognizer;
import dev.findmypic.core.ModelInfo;
import dev.findmypic.core.Picture;
import dev.findmypic.core.Vectors;
import dev.findmypic.models.face.FaceDetector;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The seed's face pipeline: a detector (facenet-pytorch's MTCNN, {@link dev.findmypic.models.face.mtcnn.MtcnnDetector})
 * and FaceNet embeddings of facenet-pytorch's crops, compared by Euclidean distance between unit vectors.
 *
 * <p>Threshold: {@link #DEFAULT_THRESHOLD} = 1.04, the Euclidean-L2 threshold deepface tuned for the same network and
 * weights (its {@code Facenet512} is David Sandberg's 20180402-114759 VGGFace2 model, which facenet-pytorch converted);
 * facenet-pytorch itself publishes none, and its users pick 0.9 to 1.2. It is NOT calibrated here: the real weights
 * are not available to this project's tests, which use deterministic random weights.
 *
 * <p>Thread-safe when the detector and embedder are; closing closes both.
 */
public final class MtcnnFaceNetRecognizer implements FaceRecognizer {
  /** The default same-person distance threshold (see the class comment for its origin). */
  public static final double DEFAULT_THRESHOLD = 1.04;

  private final FaceDetector detector;
  private final FaceNetEmbedder embedder;
  private final ModelInfo info;
  private final double threshold;

  /**
   * Combines a detector and an embedder.
   *
   * @param detector finds the faces; taken over (closed by {@link #close()})
   * @param embedder embeds them; taken over
   * @param info identifies the weights (for example id {@code facenet-pytorch/vggface2}, revision the file's sha256)
   * @param threshold the same-person distance, for example {@link #DEFAULT_THRESHOLD}
   */
  public MtcnnFaceNetRecognizer(FaceDetector detector, FaceNetEmbedder embedder, ModelInfo info, double threshold) {
    this.detector = Objects.requireNonNull(detector, "detector");
    this.embedder = Objects.requireNonNull(embedder, "embedder");
    this.info = Objects.requireNonNull(info, "info");
    if (info.dimension() != InceptionResnetV1.DIMENSION) {
      throw new IllegalArgumentException("FaceNet vectors have 512 dimensions, the info says " + info);
    }
    if (!(threshold > 0 && threshold < 2)) {
      throw new IllegalArgumentException("threshold must be in (0, 2) for unit vectors, got " + threshold);
    }
    this.threshold = threshold;
  }

  @Override
  public ModelInfo info() {
    return info;
  }

  @Override
  public List<DetectedFace> detect(Picture picture) {
    return detector.detect(picture);
  }

  @Override
  public List<float[]> embed(Picture picture, List<DetectedFace> faces) {
    List<float[]> boxes = new ArrayList<>(faces.size());
    float k = (float) picture.scale();
    for (DetectedFace face : faces) {
      BoundingBox b = face.box();
      boxes.add(new float[] {b.x() * k, b.y() * k, b.right() * k, b.bottom() * k});
    }
    return embedder.embed(picture, boxes);
  }

  @Override
  public double distance(float[] a, float[] b) {
    return Vectors.euclidean(a, b);
  }

  @Override
  public double threshold() {
    return threshold;
  }

  @Override
  public void close() {
    try {
      detector.close();
    } finally {
      embedder.close();
    }
  }
}
