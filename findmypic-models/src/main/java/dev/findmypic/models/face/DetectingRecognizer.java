package dev.findmypic.models.face;

import dev.findmypic.core.DetectedFace;
import dev.findmypic.core.FaceRecognizer;
import dev.findmypic.core.ModelInfo;
import dev.findmypic.core.Picture;
import dev.findmypic.core.Vectors;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * What every face tier here shares: a {@link FaceDetector} that finds the faces, an embedder that the subclass drives
 * in {@link #embed}, unit vectors compared by Euclidean distance, and a fixed same-person threshold. The recogniser
 * owns both parts: closing it closes the detector, then the embedder, once.
 */
public abstract class DetectingRecognizer implements FaceRecognizer {
  private final FaceDetector detector;
  private final Runnable closeEmbedder;
  private final ModelInfo info;
  private final double threshold;
  private final AtomicBoolean closed = new AtomicBoolean();

  /**
   * Combines a detector and an embedder.
   *
   * @param detector finds the faces; taken over
   * @param closeEmbedder frees the embedder; run by {@link #close()}
   * @param info identifies the weights
   * @param dimension the embedder's vector length, which {@code info} must state
   * @param threshold the same-person Euclidean distance between unit vectors, in (0, 2)
   * @throws IllegalArgumentException if the info's dimension or the threshold is wrong
   */
  protected DetectingRecognizer(FaceDetector detector, Runnable closeEmbedder, ModelInfo info, int dimension,
      double threshold) {
    this.detector = Objects.requireNonNull(detector, "detector");
    this.closeEmbedder = Objects.requireNonNull(closeEmbedder, "closeEmbedder");
    this.info = Objects.requireNonNull(info, "info");
    if (info.dimension() != dimension) {
      throw new IllegalArgumentException("these vectors have " + dimension + " dimensions, the info says " + info);
    }
    if (!(threshold > 0 && threshold < 2)) {
      throw new IllegalArgumentException("threshold must be in (0, 2) for unit vectors, got " + threshold);
    }
    this.threshold = threshold;
  }

  @Override
  public final ModelInfo info() {
    return info;
  }

  @Override
  public final List<DetectedFace> detect(Picture picture) {
    return detector.detect(picture);
  }

  @Override
  public final double distance(float[] a, float[] b) {
    return Vectors.euclidean(a, b);
  }

  @Override
  public final double threshold() {
    return threshold;
  }

  @Override
  public final void close() {
    if (closed.compareAndSet(false, true)) {
      try {
        detector.close();
      } finally {
        closeEmbedder.run();
      }
    }
  }
}
