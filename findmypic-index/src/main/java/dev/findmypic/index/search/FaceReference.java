package dev.findmypic.index.search;

import dev.findmypic.core.BoundingBox;
import dev.findmypic.core.Picture;
import java.util.List;
import java.util.Objects;

/**
 * A photo showing the person to look for, and which face in it.
 *
 * @param picture the photo
 * @param pick roughly where the face is (the detected face overlapping it most is used), or null for the largest face
 */
public record FaceReference(Picture picture, BoundingBox pick) {
  /** Checks the picture. */
  public FaceReference {
    Objects.requireNonNull(picture, "picture");
  }

  /**
   * The largest face of a photo.
   *
   * @param picture the photo
   * @return the reference
   */
  public static FaceReference largestFace(Picture picture) {
    return new FaceReference(picture, null);
  }

  /**
   * Which of a photo's faces a caller means: the largest, or the one that overlaps the picked box most.
   *
   * @param boxes the faces' boxes
   * @param pick roughly where the face is, or null for the largest face
   * @return the index of the chosen box, or -1 when there is no box or {@code pick} overlaps none
   */
  public static int choose(List<BoundingBox> boxes, BoundingBox pick) {
    int chosen = -1;
    double best = 0;
    for (int i = 0; i < boxes.size(); i++) {
      double measure = pick == null ? boxes.get(i).area() : boxes.get(i).intersectionArea(pick);
      if (measure > best || (pick == null && chosen < 0)) {
        best = measure;
        chosen = i;
      }
    }
    return chosen;
  }
}
