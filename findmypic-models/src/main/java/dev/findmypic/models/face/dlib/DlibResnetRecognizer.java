package dev.findmypic.models.face.dlib;

import dev.findmypic.core.DetectedFace;
import dev.findmypic.core.FaceRecognizer;
import dev.findmypic.core.Modality;
import dev.findmypic.core.ModelInfo;
import dev.findmypic.core.Picture;
import dev.findmypic.core.Vectors;
import dev.findmypic.models.face.DetectingRecognizer;
import dev.findmypic.models.face.FaceDetector;
import dev.findmypic.models.face.align.FaceAligner;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The "dlib-resnet" face tier: any {@link FaceDetector} that gives five landmarks (MTCNN, YuNet), dlib's chip
 * alignment, and dlib's ResNet descriptor.
 *
 * <p>Vectors are the dlib descriptors scaled to unit length, as the {@link FaceRecognizer} contract asks, so the
 * index can compare them by inner product. dlib's rule "same person below 0.6" is for the raw descriptors, whose
 * lengths vary from 1.35 to 1.59; on unit vectors the same operating point is {@value #THRESHOLD}. Measured on the 60
 * reference chips (94 same-person and 1,676 different-person pairs): raw 0.6 accepts 85.1 % of same pairs and 3.9 %
 * of different ones (accuracy 0.955); unit {@value #THRESHOLD} accepts 84.0 % and 3.0 % (accuracy 0.963); the ROC
 * areas are 0.981 and 0.980. Callers who need dlib's raw descriptors use {@link DlibResnetEmbedder} directly.
 */
public final class DlibResnetRecognizer extends DetectingRecognizer {
  /** Euclidean distance between unit vectors at or below which two faces are the same person. */
  public static final double THRESHOLD = 0.40;
  /** The model id under which this tier's vectors are stored. */
  public static final String MODEL_ID = "dlib/dlib_face_recognition_resnet_model_v1";

  private final DlibResnetEmbedder embedder;

  /**
   * Combines a detector and an embedder; the recogniser owns both and closes them.
   *
   * @param detector a detector giving five landmarks per face
   * @param embedder the descriptor network
   */
  public DlibResnetRecognizer(FaceDetector detector, DlibResnetEmbedder embedder) {
    super(detector, embedder::close,
        new ModelInfo(MODEL_ID, embedder.revision(), DlibResnetEmbedder.DIMENSION, Set.of(Modality.IMAGE)),
        DlibResnetEmbedder.DIMENSION, THRESHOLD);
    this.embedder = embedder;
  }

  /**
   * Loads the descriptor network and combines it with a detector.
   *
   * @param modelDir the folder of face-api.js's {@value DlibResnetEmbedder#MANIFEST} and {@code .bin}
   * @param detector a detector giving five landmarks per face; closed with the recogniser
   * @return the recogniser
   */
  public static DlibResnetRecognizer open(Path modelDir, FaceDetector detector) {
    return new DlibResnetRecognizer(detector, DlibResnetEmbedder.load(modelDir));
  }

  /**
   * {@inheritDoc}
   *
   * @throws IllegalArgumentException if a face has no five landmarks
   */
  @Override
  public List<float[]> embed(Picture picture, List<DetectedFace> faces) {
    List<Picture> chips = new ArrayList<>(faces.size());
    for (DetectedFace face : faces) {
      if (face.landmarks().size() != 5) {
        throw new IllegalArgumentException("the dlib-resnet tier aligns faces by five landmarks; the detector gave "
            + face.landmarks().size() + " for the face at " + face.box());
      }
      chips.add(FaceAligner.extractChip(picture, FaceAligner.dlibTransform(face.landmarks()),
          FaceAligner.DLIB_CHIP_SIZE));
    }
    List<float[]> vectors = new ArrayList<>(faces.size());
    for (float[] descriptor : embedder.describe(chips)) {
      vectors.add(Vectors.normalizeInPlace(descriptor));
    }
    return vectors;
  }
}
