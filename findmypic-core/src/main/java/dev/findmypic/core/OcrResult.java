package dev.findmypic.core;

import java.util.List;
import java.util.stream.Collectors;

/**
 * What an {@link OcrEngine} read in one picture: its lines in reading order.
 *
 * @param lines the lines, top to bottom and left to right; empty for a picture without text
 */
public record OcrResult(List<TextLine> lines) {
  /** An empty result. */
  public static final OcrResult EMPTY = new OcrResult(List.of());

  /** Copies the list so the record stays immutable. */
  public OcrResult {
    lines = List.copyOf(lines);
  }

  /** @return every line's text joined with newlines */
  public String text() {
    return lines.stream().map(TextLine::text).collect(Collectors.joining("\n"));
  }
}
