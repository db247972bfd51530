package dev.findmypic.cli;

import dev.findmypic.core.ModelProvider;
import dev.findmypic.core.OcrEngine;
import dev.findmypic.core.OcrResult;
import dev.findmypic.core.Picture;
import dev.findmypic.core.TextLine;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Command;

/** {@code ocr photo.jpg}: prints each line of text with its box and confidence. */
@Command(name = "ocr", description = "Read the text in one photo: lines, boxes and confidences.")
final class OcrCommand extends SinglePhotoCommand {
  @Override
  void analyse(ModelProvider provider, Picture picture, Printer printer) {
    try (OcrEngine engine = provider.openOcrEngine(main.global.settings())) {
      OcrResult result = engine.read(picture);
      if (printer.json()) {
        printer.printJson(result.lines());
        return;
      }
      List<List<String>> rows = new ArrayList<>();
      rows.add(List.of("confidence", "text"));
      for (TextLine line : result.lines()) {
        rows.add(List.of(String.format(Locale.ROOT, "%.2f", line.confidence()), line.text()));
      }
      printer.printTable(rows);
    }
  }
}
