package dev.findmypic.models.face.sface;

import dev.findmypic.core.DetectedFace;
import dev.findmypic.core.ModelInfo;
import dev.findmypic.core.Picture;
import dev.findmypic.models.face.DetectingRecognizer;
import dev.findmypic.models.face.FaceDetector;
import java.util.List;

/**
 * The fast face tier: a five-landmark detector (YuNet, {@link dev.findmypic.models.face.yunet.YuNetDetector}) and
 * SFace vectors ({@link SFaceEmbedder}), compared by Euclidean distance between unit vectors.
 *
 * <p>Threshold: {@link #DEFAULT_THRESHOLD} = 1.128, OpenCV's published SFace decision, used unchanged. OpenCV Zoo's
 * {@code models/face_recognition_sface/sface.py} (opencv_zoo commit {@code 966be4cb}), OpenCV's sample
 * {@code samples/dnn/face_detect.py} and its tutorial "DNN-based Face Detection And Recognition"
 * (https://docs.opencv.org/4.x/d0/dd4/tutorial_dnn_face.html) take two faces as the same person when the
 * cosine similarity of their features is at least {@link #COSINE_THRESHOLD} = 0.363, or equivalently when the L2
 * distance of the normalised features ({@code FaceRecognizerSF.match(..., FR_NORM_L2)}) is at most 1.128; for unit
 * vectors {@code d = sqrt(2 (1 - cos))}, and {@code sqrt(2 (1 - 0.363)) = 1.1287}, so the two published figures are
 * one decision. OpenCV calibrated it on LFW; it is NOT re-calibrated here, because the real SFace weights are not
 * available to this project's tests.
 *
 * <p>Thread-safe when the detector and embedder are; closing closes both.
 */
public final class SFaceRecognizer extends DetectingRecognizer {
  /** OpenCV's same-person L2 distance between normalised SFace features. */
  public static final double DEFAULT_THRESHOLD = 1.128;
  /** OpenCV's same-person cosine similarity, the same decision as {@link #DEFAULT_THRESHOLD}. */
  public static final double COSINE_THRESHOLD = 0.363;

  private final SFaceEmbedder embedder;

  /**
   * Combines a detector and an embedder.
   *
   * @param detector finds the faces, with five landmarks; taken over (closed by {@link #close()})
   * @param embedder embeds them; taken over
   * @param info identifies the weights (for example id {@code opencv-zoo/face_recognition_sface_2021dec})
   * @param threshold the same-person distance, for example {@link #DEFAULT_THRESHOLD}
   */
  public SFaceRecognizer(FaceDetector detector, SFaceEmbedder embedder, ModelInfo info, double threshold) {
    super(detector, embedder::close, info, SFaceEmbedder.DIMENSION, threshold);
    this.embedder = embedder;
  }

  @Override
  public List<float[]> embed(Picture picture, List<DetectedFace> faces) {
    return embedder.embed(picture, faces);
  }
}
