package dev.findmypic.index.search;

import dev.findmypic.core.BoundingBox;
import dev.findmypic.core.TextLine;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

/**
 * One photo found, with what a UI needs to show why.
 *
 * @param fileId the catalogue's id of the file
 * @param path the file
 * @param score 0 to 1, higher is better; see {@link PhotoSearch} for what it means per query type
 * @param signals each signal that matched, with its rank and raw measure
 * @param faces boxes of the faces that matched a face query, in full-size upright pixels
 * @param lines the OCR lines that contain query words, with their polygons
 * @param takenAt the EXIF date taken, or null
 */
public record PhotoHit(
    long fileId,
    Path path,
    double score,
    Map<Signal, SignalMatch> signals,
    List<BoundingBox> faces,
    List<TextLine> lines,
    LocalDateTime takenAt) {
  /** Copies the collections so the record stays immutable. */
  public PhotoHit {
    signals = Map.copyOf(signals);
    faces = List.copyOf(faces);
    lines = List.copyOf(lines);
  }
}
