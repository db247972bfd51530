package dev.findmypic.index.testing;

import dev.findmypic.core.ModelInfo;
import dev.findmypic.core.OcrEngine;
import dev.findmypic.core.OcrResult;
import dev.findmypic.core.Picture;
import dev.findmypic.core.Point;
import dev.findmypic.core.TextLine;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An OCR stand-in that "reads" the text it was taught for a picture's top-left pixel colour (see
 * {@link TestPhotos}); line {@code i} gets the box (10, 10 + 20 i) to (110, 25 + 20 i).
 */
public final class FakeOcr implements OcrEngine {
  private final Map<Integer, List<String>> taught = new ConcurrentHashMap<>();

  /**
   * Teaches the text of pictures whose top-left pixel has a colour.
   *
   * @param rgb the colour, 0xRRGGBB
   * @param lines the lines
   */
  public void teach(int rgb, String... lines) {
    taught.put(rgb, List.of(lines));
  }

  @Override
  public ModelInfo info() {
    return new ModelInfo("fake/ocr", "o1", 0, Set.of());
  }

  @Override
  public OcrResult read(Picture p) {
    int key = (p.sample(0, 0, 0) << 16) | (p.sample(0, 0, 1) << 8) | p.sample(0, 0, 2);
    List<TextLine> lines = new ArrayList<>();
    List<String> text = taught.getOrDefault(key, List.of());
    for (int i = 0; i < text.size(); i++) {
      float y = 10 + 20 * i;
      lines.add(new TextLine(text.get(i),
          List.of(new Point(10, y), new Point(110, y), new Point(110, y + 15), new Point(10, y + 15)), 0.9f));
    }
    return new OcrResult(lines);
  }

  @Override
  public void close() {}
}
