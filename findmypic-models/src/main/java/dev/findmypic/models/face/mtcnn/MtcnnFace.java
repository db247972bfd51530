package dev.findmypic.models.face.mtcnn;

import dev.findmypic.core.BoundingBox;
import dev.findmypic.core.DetectedFace;
import dev.findmypic.core.Point;
import java.util.ArrayList;
import java.util.List;

/**
 * One face as facenet-pytorch's {@code MTCNN.detect} reports it, in the pixels of the picture it ran on: the box
 * corners (not clipped to the picture), the O-Net probability and five landmarks.
 *
 * @param x1 left
 * @param y1 top
 * @param x2 right
 * @param y2 bottom
 * @param probability O-Net's face probability
 * @param landmarks x and y of left eye, right eye, nose, left and right mouth corner, interleaved (10 values)
 */
record MtcnnFace(float x1, float y1, float x2, float y2, float probability, float[] landmarks) {
  /**
   * Converts to full-size pixels.
   *
   * @param toFullSize {@code 1 / picture.scale()}
   * @return the face
   */
  DetectedFace toDetectedFace(double toFullSize) {
    float k = (float) toFullSize;
    List<Point> points = new ArrayList<>(5);
    for (int i = 0; i < 5; i++) {
      points.add(new Point(landmarks[2 * i] * k, landmarks[2 * i + 1] * k));
    }
    return new DetectedFace(BoundingBox.ofCorners(x1 * k, y1 * k, x2 * k, y2 * k), points, probability);
  }
}
