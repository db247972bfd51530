package dev.findmypic.cli;

import dev.findmypic.core.ModelProvider;
import dev.findmypic.core.ModelRole;
import dev.findmypic.index.LibraryOptions;
import dev.findmypic.index.PhotoLibrary;
import java.util.Set;

/** Opens the photo library in the data directory with the models a command needs. */
final class Libraries {
  private Libraries() {}

  /**
   * Opens the library.
   *
   * @param global the global options (data directory, model overrides, offline, threads)
   * @param roles the roles whose models the command uses; the others stay unloaded
   * @return the library, to close
   */
  static PhotoLibrary open(GlobalOptions global, Set<ModelRole> roles) {
    LibraryOptions.Builder options = LibraryOptions.builder().models(ModelProvider.load(), global.settings(), roles);
    if (global.threads != null) {
      options.threads(global.threads);
    }
    return PhotoLibrary.open(global.dataDir(), options.build());
  }
}
