package dev.findmypic.index.testing;

import dev.findmypic.core.Embedder;
import dev.findmypic.core.Modality;
import dev.findmypic.core.ModelInfo;
import dev.findmypic.core.Picture;
import dev.findmypic.core.Vectors;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * A CLIP stand-in with 8 dimensions: a picture's vector is its mean red, green and blue (plus a small constant), and
 * the texts "red", "green" and "blue" point along those axes, so "red" finds red photos first.
 */
public final class FakeClip implements Embedder {
  /** How many images were embedded. */
  public final AtomicInteger images = new AtomicInteger();
  private final String revision;
  private final Consumer<List<Picture>> beforeEachBatch;

  /** A fake of revision {@code r1}. */
  public FakeClip() {
    this("r1");
  }

  /**
   * A fake of some revision.
   *
   * @param revision the revision in its {@link ModelInfo}
   */
  public FakeClip(String revision) {
    this(revision, pictures -> { });
  }

  /**
   * A fake of revision {@code r1} that shows every batch of pictures to a hook before embedding it, for example to
   * record batch sizes or to take time.
   *
   * @param beforeEachBatch sees each batch
   */
  public FakeClip(Consumer<List<Picture>> beforeEachBatch) {
    this("r1", beforeEachBatch);
  }

  private FakeClip(String revision, Consumer<List<Picture>> beforeEachBatch) {
    this.revision = revision;
    this.beforeEachBatch = beforeEachBatch;
  }

  @Override
  public ModelInfo info() {
    return new ModelInfo("fake/clip", revision, 8, Set.of(Modality.TEXT, Modality.IMAGE));
  }

  @Override
  public List<float[]> embedTexts(List<String> texts) {
    List<float[]> out = new ArrayList<>();
    for (String t : texts) {
      float[] v = new float[8];
      String s = t.toLowerCase(java.util.Locale.ROOT);
      v[0] = s.contains("red") ? 1 : 0;
      v[1] = s.contains("green") ? 1 : 0;
      v[2] = s.contains("blue") ? 1 : 0;
      v[7] = 0.05f;
      out.add(Vectors.normalizeInPlace(v));
    }
    return out;
  }

  @Override
  public List<float[]> embedImages(List<Picture> pictures) {
    beforeEachBatch.accept(pictures);
    List<float[]> out = new ArrayList<>();
    for (Picture p : pictures) {
      images.incrementAndGet();
      out.add(imageVector(p));
    }
    return out;
  }

  /**
   * The vector of a picture.
   *
   * @param p the picture
   * @return mean R, G, B and 0.05, normalised
   */
  public static float[] imageVector(Picture p) {
    double[] sum = new double[3];
    for (int y = 0; y < p.height(); y++) {
      for (int x = 0; x < p.width(); x++) {
        for (int c = 0; c < 3; c++) {
          sum[c] += p.sample(x, y, c);
        }
      }
    }
    float n = p.width() * p.height() * 255f;
    float[] v = {(float) sum[0] / n, (float) sum[1] / n, (float) sum[2] / n, 0, 0, 0, 0, 0.05f};
    return Vectors.normalizeInPlace(v);
  }

  @Override
  public void close() {}
}
