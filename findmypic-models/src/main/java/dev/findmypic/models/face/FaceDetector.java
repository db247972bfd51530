package dev.findmypic.models.face;

import dev.findmypic.core.DetectedFace;
import dev.findmypic.core.Picture;
import java.util.List;

/**
 * Finds faces in a picture: the first half of a {@link dev.findmypic.core.FaceRecognizer}. Implementations (MTCNN,
 * YuNet) report boxes and five landmarks in the pixels of the full-size upright image, highest score first, and are
 * thread-safe.
 */
public interface FaceDetector extends AutoCloseable {
  /**
   * Detects faces.
   *
   * @param picture the picture
   * @return the faces, highest score first; empty if there are none
   */
  List<DetectedFace> detect(Picture picture);

  /** Frees the detector's models. Idempotent. */
  @Override
  void close();
}
