package dev.findmypic.index.search;

import dev.findmypic.core.BoundingBox;
import dev.findmypic.core.Picture;
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
}
