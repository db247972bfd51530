package dev.findmypic.index.testing;

import dev.findmypic.core.Embedder;
import dev.findmypic.core.Modality;
import dev.findmypic.core.ModelInfo;
import dev.findmypic.core.Picture;
import dev.findmypic.core.Vectors;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** A sentence-embedder stand-in: a bag of words hashed into 32 dimensions, so texts sharing words are close. */
public final class FakeTextEmbedder implements Embedder {
  @Override
  public ModelInfo info() {
    return new ModelInfo("fake/text", "t1", 32, Set.of(Modality.TEXT));
  }

  @Override
  public List<float[]> embedTexts(List<String> texts) {
    List<float[]> out = new ArrayList<>();
    for (String t : texts) {
      float[] v = new float[32];
      v[31] = 0.01f;
      for (String w : t.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
        if (!w.isEmpty()) {
          v[Math.floorMod(w.hashCode(), 31)] += 1;
        }
      }
      out.add(Vectors.normalizeInPlace(v));
    }
    return out;
  }

  @Override
  public List<float[]> embedImages(List<Picture> pictures) {
    throw new UnsupportedOperationException("the fake text embedder embeds text only");
  }

  @Override
  public void close() {}
}
