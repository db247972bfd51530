package dev.findmypic.cli;

import dev.findmypic.core.ModelProvider;
import dev.findmypic.core.OcrEngine;
import dev.findmypic.core.OcrResult;
import dev.findmypic.core.Picture;
import dev.findmypic.core.TextLine;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code ocr photo.jpg}: prints each line of text with its box and confidence. */
@Command(name = "ocr", description = "Read the text in one photo: lines, boxes and confidences.")
final class OcrCommand implements Runnable {
  @ParentCommand Main main;
  @Spec CommandSpec spec;

  @Parameters(paramLabel = "PHOTO", description = "The photo.")
  Path photo;

  @Override
  public void run() {
    GlobalOptions global = main.global;
    ModelProvider provider = ModelProvider.load();
    Picture picture = provider.photoDecoder().decode(photo, 0).picture();
    try (OcrEngine engine = provider.openOcrEngine(global.settings())) {
      OcrResult result = engine.read(picture);
      Printer printer = new Printer(spec.commandLine().getOut(), global.json);
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
