package dev.findmypic.index.people;

import dev.findmypic.core.FaceRecognizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * An immutable snapshot of the references of one face model, grouped by person, and the nearest-person decision over
 * it (an exact scan: a gallery holds tens to thousands of faces).
 */
final class NearestPeople {
  private static final Comparator<PersonMatch> NEAREST_FIRST =
      Comparator.comparingDouble(PersonMatch::distance).thenComparing(PersonMatch::person);

  private final String[] persons;
  private final long[] ids;
  private final float[][] vectors;

  /**
   * Takes references in person order: all of one person's references are next to each other.
   *
   * @param references the references of one model, grouped by person
   */
  NearestPeople(List<GalleryStore.Stored> references) {
    int n = references.size();
    persons = new String[n];
    ids = new long[n];
    vectors = new float[n][];
    for (int i = 0; i < n; i++) {
      GalleryStore.Stored r = references.get(i);
      persons[i] = r.face().person();
      ids[i] = r.face().id();
      vectors[i] = r.vector();
    }
  }

  /** @return how many references the snapshot holds */
  int size() {
    return ids.length;
  }

  /**
   * Decides who a face is.
   *
   * @param vector the face's vector
   * @param metric the recogniser whose distance and threshold decide
   * @param keep how many nearest people to report
   * @return the identification
   */
  Identification identify(float[] vector, FaceRecognizer metric, int keep) {
    List<PersonMatch> best = new ArrayList<>();
    int i = 0;
    while (i < ids.length) {
      String person = persons[i];
      double nearest = Double.POSITIVE_INFINITY;
      long nearestId = ids[i];
      for (; i < ids.length && persons[i].equals(person); i++) {
        double d = metric.distance(vector, vectors[i]);
        if (d < nearest) {
          nearest = d;
          nearestId = ids[i];
        }
      }
      best.add(new PersonMatch(person, nearest, nearestId));
    }
    best.sort(NEAREST_FIRST);
    double threshold = metric.threshold();
    if (best.isEmpty()) {
      return new Identification(Optional.empty(), Double.POSITIVE_INFINITY, threshold, List.of());
    }
    PersonMatch first = best.get(0);
    boolean tie = best.size() > 1 && best.get(1).distance() == first.distance();
    Optional<String> person = first.distance() <= threshold && !tie ? Optional.of(first.person()) : Optional.empty();
    return new Identification(person, first.distance(), threshold, best.subList(0, Math.min(keep, best.size())));
  }
}
