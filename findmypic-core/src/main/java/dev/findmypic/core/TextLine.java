package dev.findmypic.core;

import java.util.List;

/**
 * One line of text found by an {@link OcrEngine}.
 *
 * @param text the recognised text, with words separated by single spaces
 * @param polygon the line's outline in the pixels of the full-size upright image, usually four corners clockwise from
 *     the top-left
 * @param confidence the engine's confidence, 0 to 1
 */
public record TextLine(String text, List<Point> polygon, float confidence) {
  /** Copies the polygon so the record stays immutable. */
  public TextLine {
    polygon = List.copyOf(polygon);
  }
}
