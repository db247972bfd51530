package dev.findmypic.cli;

import dev.findmypic.core.DetectedFace;
import dev.findmypic.core.FaceRecognizer;
import dev.findmypic.core.ModelProvider;
import dev.findmypic.core.Picture;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code faces photo.jpg}: prints each face's box, landmarks and score. */
@Command(name = "faces", description = "Detect the faces in one photo: boxes, landmarks and scores.")
final class FacesCommand implements Runnable {
  @ParentCommand Main main;
  @Spec CommandSpec spec;

  @Parameters(paramLabel = "PHOTO", description = "The photo.")
  Path photo;

  @Override
  public void run() {
    GlobalOptions global = main.global;
    ModelProvider provider = ModelProvider.load();
    Picture picture = provider.photoDecoder().decode(photo, 0).picture();
    try (FaceRecognizer recognizer = provider.openFaceRecognizer(global.settings())) {
      List<DetectedFace> faces = recognizer.detect(picture);
      Printer printer = new Printer(spec.commandLine().getOut(), global.json);
      if (printer.json()) {
        printer.printJson(faces);
        return;
      }
      List<List<String>> rows = new ArrayList<>();
      rows.add(List.of("#", "x", "y", "width", "height", "score"));
      for (int i = 0; i < faces.size(); i++) {
        DetectedFace f = faces.get(i);
        rows.add(List.of(String.valueOf(i + 1), fmt(f.box().x()), fmt(f.box().y()), fmt(f.box().width()),
            fmt(f.box().height()), String.format(Locale.ROOT, "%.3f", f.score())));
      }
      printer.printTable(rows);
      printer.println(faces.size() + (faces.size() == 1 ? " face" : " faces") + " in " + photo);
    }
  }

  private static String fmt(float v) {
    return String.format(Locale.ROOT, "%.0f", v);
  }
}
