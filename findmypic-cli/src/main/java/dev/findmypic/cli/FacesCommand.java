package dev.findmypic.cli;

import dev.findmypic.core.DetectedFace;
import dev.findmypic.core.FaceRecognizer;
import dev.findmypic.core.ModelProvider;
import dev.findmypic.core.Picture;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Command;

/** {@code faces photo.jpg}: prints each face's box, landmarks and score. */
@Command(name = "faces", description = "Detect the faces in one photo: boxes, landmarks and scores.")
final class FacesCommand extends SinglePhotoCommand {
  @Override
  void analyse(ModelProvider provider, Picture picture, Printer printer) {
    try (FaceRecognizer recognizer = provider.openFaceRecognizer(main.global.settings())) {
      List<DetectedFace> faces = recognizer.detect(picture);
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
