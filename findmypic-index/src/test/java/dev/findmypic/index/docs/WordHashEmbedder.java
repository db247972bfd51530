package dev.findmypic.index.docs;

import dev.findmypic.core.Embedder;
import dev.findmypic.core.Modality;
import dev.findmypic.core.ModelInfo;
import dev.findmypic.core.Picture;
import dev.findmypic.core.Vectors;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A controlled text embedder for tests: each lower-cased word adds 1 to one of 256 dimensions chosen by its hash, so
 * texts that share words are similar and texts that share none are orthogonal (barring hash collisions). It counts
 * the texts it embeds.
 */
final class WordHashEmbedder implements Embedder {
  private static final int DIMENSION = 256;
  private final String revision;
  final AtomicInteger embedded = new AtomicInteger();

  WordHashEmbedder(String revision) {
    this.revision = revision;
  }

  @Override
  public ModelInfo info() {
    return new ModelInfo("test/word-hash", revision, DIMENSION, Set.of(Modality.TEXT));
  }

  @Override
  public List<float[]> embedTexts(List<String> texts) {
    List<float[]> vectors = new ArrayList<>();
    for (String text : texts) {
      float[] v = new float[DIMENSION];
      for (String word : text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
        if (!word.isEmpty()) {
          v[Math.floorMod(word.hashCode(), DIMENSION)] += 1;
        }
      }
      vectors.add(Vectors.normalizeInPlace(v));
      embedded.incrementAndGet();
    }
    return vectors;
  }

  @Override
  public List<float[]> embedImages(List<Picture> pictures) {
    throw new UnsupportedOperationException("text only");
  }

  @Override
  public void close() {}
}
