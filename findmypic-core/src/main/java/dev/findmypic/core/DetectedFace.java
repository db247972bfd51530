package dev.findmypic.core;

import java.util.List;

/**
 * A face found by a {@link FaceRecognizer}, in the pixels of the full-size upright image.
 *
 * @param box the face's bounding box
 * @param landmarks five points in this order: left eye, right eye (as seen in the picture), nose tip, left and right
 *     mouth corner; empty when the detector gives none
 * @param score the detector's confidence, 0 to 1
 */
public record DetectedFace(BoundingBox box, List<Point> landmarks, float score) {
  /** Copies the landmark list so the record stays immutable. */
  public DetectedFace {
    landmarks = List.copyOf(landmarks);
  }
}
