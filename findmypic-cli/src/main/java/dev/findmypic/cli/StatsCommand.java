package dev.findmypic.cli;

import dev.findmypic.core.ModelRole;
import dev.findmypic.index.LibraryStats;
import dev.findmypic.index.PhotoLibrary;
import dev.findmypic.index.catalogue.CatalogueStats;
import dev.findmypic.index.catalogue.Root;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code stats}: what the library holds. */
@Command(name = "stats", description = "Show what the library holds: roots, photos, faces, text lines, vectors.")
final class StatsCommand implements Runnable {
  @ParentCommand Main main;
  @Spec CommandSpec spec;

  @Override
  public void run() {
    GlobalOptions global = main.global;
    try (PhotoLibrary library = Libraries.open(global, EnumSet.noneOf(ModelRole.class))) {
      LibraryStats stats = library.stats();
      List<String> roots = library.roots().stream().map(Root::path).map(Object::toString).toList();
      Printer printer = new Printer(spec.commandLine().getOut(), global.json);
      if (printer.json()) {
        printer.printJson(Map.of("dataDir", global.dataDir().toString(), "roots", roots, "stats", stats));
        return;
      }
      CatalogueStats c = stats.catalogue();
      printer.println("data directory: " + global.dataDir());
      roots.forEach(r -> printer.println("root: " + r));
      printer.printTable(List.of(
          List.of("photos", "failed", "faces", "text lines", "image vectors", "text vectors", "catalogue bytes"),
          List.of(String.valueOf(c.indexedFiles()), String.valueOf(c.failedFiles()), String.valueOf(c.faces()),
              String.valueOf(c.ocrLines()), String.valueOf(c.imageVectors()), String.valueOf(c.textVectors()),
              String.valueOf(stats.catalogueBytes()))));
    }
  }
}
