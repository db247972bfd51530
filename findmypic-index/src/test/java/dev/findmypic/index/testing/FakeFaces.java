package dev.findmypic.index.testing;

import dev.findmypic.core.BoundingBox;
import dev.findmypic.core.DetectedFace;
import dev.findmypic.core.FaceRecognizer;
import dev.findmypic.core.ModelInfo;
import dev.findmypic.core.Picture;
import dev.findmypic.core.Vectors;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;

/**
 * A face recogniser stand-in. A "face" is a rectangle of pixels with red 250 and blue 7; its green value {@code g}
 * is the identity ({@link TestPhotos#face}). The vector is one-hot on {@code g / 10} with a little weight on the
 * box's size, so faces of one identity are close (distance well under the 0.6 threshold) and of two are far.
 */
public final class FakeFaces implements FaceRecognizer {
  @Override
  public ModelInfo info() {
    return new ModelInfo("fake/faces", "f1", 27, Set.of());
  }

  @Override
  public List<DetectedFace> detect(Picture p) {
    TreeMap<Integer, int[]> boxes = new TreeMap<>();
    for (int y = 0; y < p.height(); y++) {
      for (int x = 0; x < p.width(); x++) {
        if (p.sample(x, y, 0) == 250 && p.sample(x, y, 2) == 7) {
          int g = p.sample(x, y, 1);
          int[] b = boxes.computeIfAbsent(g, k -> new int[] {Integer.MAX_VALUE, Integer.MAX_VALUE, -1, -1});
          b[0] = Math.min(b[0], x);
          b[1] = Math.min(b[1], y);
          b[2] = Math.max(b[2], x);
          b[3] = Math.max(b[3], y);
        }
      }
    }
    List<DetectedFace> faces = new ArrayList<>();
    boxes.forEach((g, b) -> faces.add(new DetectedFace(
        BoundingBox.ofCorners(b[0], b[1], b[2] + 1, b[3] + 1), List.of(), 0.9f + g / 10_000f)));
    faces.sort(Comparator.comparingDouble(DetectedFace::score).reversed());
    return faces;
  }

  @Override
  public List<float[]> embed(Picture p, List<DetectedFace> faces) {
    List<float[]> out = new ArrayList<>();
    for (DetectedFace f : faces) {
      int x = (int) f.box().x();
      int y = (int) f.box().y();
      int g = p.sample(x, y, 1);
      float[] v = new float[27];
      v[(g / 10) % 26] = 1;
      v[26] = Math.min(f.box().width(), 40) / 400f;
      out.add(Vectors.normalizeInPlace(v));
    }
    return out;
  }

  @Override
  public double distance(float[] a, float[] b) {
    return Vectors.euclidean(a, b);
  }

  @Override
  public double threshold() {
    return 0.6;
  }

  @Override
  public void close() {}
}
