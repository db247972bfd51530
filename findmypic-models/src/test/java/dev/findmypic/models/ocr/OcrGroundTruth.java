package dev.findmypic.models.ocr;

import dev.findmypic.core.testing.SharedData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The rows of {@code ../shared/fixtures/ocr/manifest.tsv}: a file, its subset and its transcript.
 *
 * @param file the image
 * @param subset tesseract_pages, screenshots, receipts, word_crops or scene
 * @param transcript the ground truth, lines separated by newlines (empty for images without legible text)
 */
public record OcrGroundTruth(Path file, String subset, String transcript) {
  /** @return every row of the manifest */
  public static List<OcrGroundTruth> all() {
    Path dir = SharedData.path("fixtures/ocr");
    try {
      return Files.readAllLines(dir.resolve("manifest.tsv")).stream().skip(1).map(line -> {
        String[] f = line.split("\t", -1);
        return new OcrGroundTruth(dir.resolve(f[0]), f[1], f[2].replace("\\n", "\n").replace("\\\\", "\\"));
      }).toList();
    } catch (IOException e) {
      throw new AssertionError("cannot read the OCR manifest in " + dir, e);
    }
  }

  /** @return the path relative to the fixtures folder, for messages */
  public String name() {
    return file.getParent().getFileName() + "/" + file.getFileName();
  }
}
