package dev.findmypic.cli;

import dev.findmypic.core.ModelProvider;
import dev.findmypic.core.Picture;
import java.nio.file.Path;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** What the one-photo tools share: decode the photo at full size, then analyse and print it. */
abstract class SinglePhotoCommand implements Runnable {
  @ParentCommand Main main;
  @Spec CommandSpec spec;

  @Parameters(paramLabel = "PHOTO", description = "The photo.")
  Path photo;

  /**
   * Analyses the photo and prints the result.
   *
   * @param provider the models
   * @param picture the photo, upright, at full size
   * @param printer where and how to print
   */
  abstract void analyse(ModelProvider provider, Picture picture, Printer printer);

  @Override
  public void run() {
    ModelProvider provider = ModelProvider.load();
    Picture picture = provider.photoDecoder().decode(photo, 0).picture();
    analyse(provider, picture, new Printer(spec.commandLine().getOut(), main.global.json));
  }
}
