package dev.findmypic.cli;

import dev.findmypic.core.Embedder;
import dev.findmypic.core.ModelProvider;
import dev.findmypic.core.ModelRole;
import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code embed --text "…"} or {@code embed --image photo.jpg}: prints the CLIP vector, for scripts. */
@Command(name = "embed", description = "Print the embedding of a text or a photo (CLIP; --role text for MiniLM).")
final class EmbedCommand implements Runnable {
  @ParentCommand Main main;
  @Spec CommandSpec spec;

  @ArgGroup(multiplicity = "1")
  Input input;

  @Option(names = "--role", defaultValue = "clip", description = "Which embedder: clip (default) or text.")
  String role;

  static final class Input {
    @Option(names = "--text", required = true, description = "The text to embed.")
    String text;

    @Option(names = "--image", required = true, description = "The photo to embed.")
    Path image;
  }

  @Override
  public void run() {
    GlobalOptions global = main.global;
    ModelProvider provider = ModelProvider.load();
    try (Embedder embedder = provider.openEmbedder(ModelRole.ofKey(role), global.settings())) {
      float[] vector = input.text != null
          ? embedder.embedText(input.text)
          : embedder.embedImage(provider.photoDecoder().decode(input.image, 0).picture());
      Printer printer = new Printer(spec.commandLine().getOut(), global.json);
      if (printer.json()) {
        printer.printJson(Map.of("model", embedder.info().key(), "dimension", vector.length, "vector", vector));
      } else {
        StringBuilder line = new StringBuilder();
        for (float v : vector) {
          line.append(line.length() == 0 ? "" : " ").append(v);
        }
        printer.println(line.toString());
      }
    }
  }
}
