package dev.findmypic.core;

import java.util.List;

/**
 * Finds faces in a picture and turns each into a vector, so that faces of one person land close together.
 *
 * <p>Contract:
 * <ul>
 *   <li>Boxes and landmarks are in the pixels of the full-size upright image, whatever scale the picture was decoded
 *       at. A picture without faces gives an empty list.</li>
 *   <li>Vectors are L2-normalised. Whether two faces show the same person is decided by
 *       {@link #sameIdentity(float[], float[])}, with the threshold the model was calibrated for.</li>
 *   <li>Implementations are thread-safe; the caller that opened the recogniser closes it.</li>
 * </ul>
 */
public interface FaceRecognizer extends AutoCloseable {
  /** @return the embedding model behind {@link #embed(Picture, List)} */
  ModelInfo info();

  /**
   * Detects faces.
   *
   * @param picture the picture
   * @return the faces, highest score first
   */
  List<DetectedFace> detect(Picture picture);

  /**
   * Embeds faces found in a picture.
   *
   * @param picture the picture the faces were detected in
   * @param faces faces of that picture
   * @return one unit vector per face, in order
   */
  List<float[]> embed(Picture picture, List<DetectedFace> faces);

  /**
   * The model's distance between two face vectors: smaller is more alike.
   *
   * @param a a face vector
   * @param b another
   * @return the distance, in the model's own metric (for example Euclidean distance)
   */
  double distance(float[] a, float[] b);

  /** @return the distance at or below which two faces are taken as the same person */
  double threshold();

  /**
   * Decides whether two face vectors show the same person, with the model's calibrated threshold.
   *
   * @param a a face vector
   * @param b another
   * @return true if {@code distance(a, b) <= threshold()}
   */
  default boolean sameIdentity(float[] a, float[] b) {
    return distance(a, b) <= threshold();
  }

  /** Frees the models. Idempotent. */
  @Override
  void close();
}
