package dev.findmypic.examples;

import dev.findmypic.core.Embedder;
import dev.findmypic.core.Modality;
import dev.findmypic.core.ModelInfo;
import dev.findmypic.core.Picture;
import dev.findmypic.core.Vectors;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A tiny {@link Embedder} of a host application's own: a photo becomes its share of red, green and blue, and a text
 * the colours it names. It shows what an embedder must promise (unit vectors, one per input, thread-safety) and
 * plugs into the library through {@code LibraryOptions.Builder.clip(...)} in place of CLIP.
 */
public final class ColourEmbedder implements Embedder {
  private static final ModelInfo INFO = new ModelInfo("example/colour", "1", 3, Set.of(Modality.TEXT, Modality.IMAGE));

  @Override
  public ModelInfo info() {
    return INFO;
  }

  @Override
  public List<float[]> embedTexts(List<String> texts) {
    return texts.stream().map(ColourEmbedder::colours).toList();
  }

  @Override
  public List<float[]> embedImages(List<Picture> pictures) {
    return pictures.stream().map(ColourEmbedder::meanColour).toList();
  }

  @Override
  public void close() {}

  private static float[] colours(String text) {
    String t = text.toLowerCase(Locale.ROOT);
    float[] v = {t.contains("red") ? 1 : 0, t.contains("green") ? 1 : 0, t.contains("blue") ? 1 : 0};
    return Vectors.normalizeInPlace(v);
  }

  private static float[] meanColour(Picture picture) {
    float[] v = new float[3];
    for (int y = 0; y < picture.height(); y++) {
      for (int x = 0; x < picture.width(); x++) {
        for (int c = 0; c < 3; c++) {
          v[c] += picture.sample(x, y, c);
        }
      }
    }
    return Vectors.normalizeInPlace(v);
  }
}
