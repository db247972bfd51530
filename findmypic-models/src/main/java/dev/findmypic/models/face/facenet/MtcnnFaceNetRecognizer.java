package dev.findmypic.models.face.facenet;

import dev.findmypic.core.BoundingBox;
import dev.findmypic.core.DetectedFace;
import dev.findmypic.core.ModelInfo;
import dev.findmypic.core.Picture;
import dev.findmypic.models.face.DetectingRecognizer;
import dev.findmypic.models.face.FaceDetector;
import java.util.ArrayList;
import java.util.List;

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
public final class MtcnnFaceNetRecognizer extends DetectingRecognizer {
  /** The default same-person distance threshold (see the class comment for its origin). */
  public static final double DEFAULT_THRESHOLD = 1.04;

  private final FaceNetEmbedder embedder;

  /**
   * Combines a detector and an embedder.
   *
   * @param detector finds the faces; taken over (closed by {@link #close()})
   * @param embedder embeds them; taken over
   * @param info identifies the weights (for example id {@code facenet-pytorch/vggface2}, revision the file's sha256)
   * @param threshold the same-person distance, for example {@link #DEFAULT_THRESHOLD}
   */
  public MtcnnFaceNetRecognizer(FaceDetector detector, FaceNetEmbedder embedder, ModelInfo info, double threshold) {
    super(detector, embedder::close, info, InceptionResnetV1.DIMENSION, threshold);
    this.embedder = embedder;
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
}
