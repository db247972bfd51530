package dev.findmypic.index.people;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Who a face is, as a {@link FaceGallery} decides it.
 *
 * <p>The face is the {@link #person() person} whose nearest reference face is nearest to it, when that distance is
 * within the recogniser's calibrated threshold; otherwise it is unknown. When two people's nearest references are
 * exactly equally near the face is unknown too: picking one would be arbitrary, and {@link #nearest()} shows both.
 *
 * @param person the person, or empty when the face is unknown
 * @param distance the distance to the nearest reference of anyone; {@link Double#POSITIVE_INFINITY} when the gallery
 *     has no reference of the current face model
 * @param threshold the distance at or below which the face counts as a reference's person
 * @param nearest the nearest people, nearest first (ties by name), at most {@value FaceGallery#NEAREST}, whether or
 *     not within the threshold: what a UI shows as suggestions for an unknown face
 */
public record Identification(Optional<String> person, double distance, double threshold, List<PersonMatch> nearest) {
  /** Checks the arguments and copies the list so the record stays immutable. */
  public Identification {
    Objects.requireNonNull(person, "person");
    nearest = List.copyOf(nearest);
  }

  /** @return true if the face was identified as an enrolled person */
  public boolean isKnown() {
    return person.isPresent();
  }
}
