package dev.findmypic.index.vectors;

import java.util.ArrayList;
import java.util.List;

/**
 * Keeps the {@code k} best (similarity, id) pairs seen: a bounded min-heap on primitive arrays, so offering allocates
 * nothing. Higher similarity is better; at equal similarity the lower id is better.
 */
final class TopK {
  private final float[] scores;
  private final long[] ids;
  private int size;

  TopK(int k) {
    scores = new float[Math.max(k, 0)];
    ids = new long[Math.max(k, 0)];
  }

  void offer(long id, float score) {
    if (scores.length == 0) {
      return;
    }
    if (size < scores.length) {
      scores[size] = score;
      ids[size] = id;
      siftUp(size++);
    } else if (better(score, id, scores[0], ids[0])) {
      scores[0] = score;
      ids[0] = id;
      siftDown(0);
    }
  }

  List<Neighbor> sorted() {
    List<Neighbor> out = new ArrayList<>(size);
    for (int i = 0; i < size; i++) {
      out.add(new Neighbor(ids[i], scores[i]));
    }
    out.sort(TopK::compare);
    return out;
  }

  static int compare(Neighbor a, Neighbor b) {
    int c = Float.compare(b.similarity(), a.similarity());
    return c != 0 ? c : Long.compare(a.id(), b.id());
  }

  private static boolean better(float s1, long id1, float s2, long id2) {
    return s1 > s2 || (s1 == s2 && id1 < id2);
  }

  private void siftUp(int i) {
    while (i > 0) {
      int parent = (i - 1) / 2;
      if (!better(scores[parent], ids[parent], scores[i], ids[i])) {
        return;
      }
      swap(i, parent);
      i = parent;
    }
  }

  private void siftDown(int i) {
    while (true) {
      int l = 2 * i + 1;
      int r = l + 1;
      int worst = i;
      if (l < size && better(scores[worst], ids[worst], scores[l], ids[l])) {
        worst = l;
      }
      if (r < size && better(scores[worst], ids[worst], scores[r], ids[r])) {
        worst = r;
      }
      if (worst == i) {
        return;
      }
      swap(i, worst);
      i = worst;
    }
  }

  private void swap(int a, int b) {
    float s = scores[a];
    scores[a] = scores[b];
    scores[b] = s;
    long t = ids[a];
    ids[a] = ids[b];
    ids[b] = t;
  }
}
