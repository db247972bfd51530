package dev.findmypic.models.face.dlib;

import dev.findmypic.core.Vectors;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Identification and verification figures for labelled face vectors, by Euclidean distance: leave-one-out rank-1,
 * pair accuracy at a threshold, the best threshold, and the ROC's area.
 *
 * @param rank1 faces whose nearest other face has the same identity
 * @param faces the number of faces
 * @param same distances of same-identity pairs
 * @param different distances of different-identity pairs
 */
record IdentityScores(int rank1, int faces, double[] same, double[] different) {
  static IdentityScores of(List<String> identities, float[][] vectors, boolean normalise) {
    float[][] v = new float[vectors.length][];
    for (int i = 0; i < v.length; i++) {
      v[i] = normalise ? Vectors.normalizeInPlace(vectors[i].clone()) : vectors[i];
    }
    List<Double> same = new ArrayList<>();
    List<Double> different = new ArrayList<>();
    int rank1 = 0;
    for (int i = 0; i < v.length; i++) {
      double nearest = Double.MAX_VALUE;
      int nearestIndex = -1;
      for (int j = 0; j < v.length; j++) {
        if (j == i) {
          continue;
        }
        double d = Vectors.euclidean(v[i], v[j]);
        if (d < nearest) {
          nearest = d;
          nearestIndex = j;
        }
        if (j > i) {
          (identities.get(i).equals(identities.get(j)) ? same : different).add(d);
        }
      }
      if (identities.get(nearestIndex).equals(identities.get(i))) {
        rank1++;
      }
    }
    return new IdentityScores(rank1, v.length, same.stream().mapToDouble(Double::doubleValue).toArray(),
        different.stream().mapToDouble(Double::doubleValue).toArray());
  }

  int samePairs() {
    return same.length;
  }

  int differentPairs() {
    return different.length;
  }

  /** @return the share of same pairs accepted (distance at or below the threshold) */
  double truePositiveRate(double threshold) {
    int n = 0;
    for (double d : same) {
      n += d <= threshold ? 1 : 0;
    }
    return (double) n / same.length;
  }

  /** @return the share of different pairs accepted */
  double falsePositiveRate(double threshold) {
    int n = 0;
    for (double d : different) {
      n += d <= threshold ? 1 : 0;
    }
    return (double) n / different.length;
  }

  /** @return correctly decided pairs over all pairs */
  double accuracyAt(double threshold) {
    double correct = truePositiveRate(threshold) * same.length
        + (1 - falsePositiveRate(threshold)) * different.length;
    return correct / (same.length + different.length);
  }

  /** @return the threshold, among all pair distances, that maximises pair accuracy */
  double bestThreshold() {
    double best = 0;
    double bestAccuracy = -1;
    for (double[] group : new double[][] {same, different}) {
      for (double t : group) {
        double a = accuracyAt(t);
        if (a > bestAccuracy) {
          bestAccuracy = a;
          best = t;
        }
      }
    }
    return best;
  }

  /** @return the probability that a random same pair is closer than a random different pair (ties count half) */
  double auc() {
    double wins = 0;
    for (double s : same) {
      for (double d : different) {
        wins += s < d ? 1 : s == d ? 0.5 : 0;
      }
    }
    return wins / ((double) same.length * different.length);
  }

  @Override
  public String toString() {
    double best = bestThreshold();
    return String.format(Locale.ROOT, "rank-1 %d/%d, pairs %d same / %d different, AUC %.4f, best threshold %.3f"
        + " (accuracy %.4f)", rank1, faces, same.length, different.length, auc(), best, accuracyAt(best));
  }
}
