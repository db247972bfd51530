package dev.findmypic.cli;

import dev.findmypic.core.ModelRole;
import dev.findmypic.index.FileFailure;
import dev.findmypic.index.IndexSummary;
import dev.findmypic.index.PhotoLibrary;
import dev.findmypic.index.catalogue.Root;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code index <folders…>}: adds the folders as roots and indexes every root incrementally. */
@Command(name = "index", description = "Index folders of photos (incremental: unchanged files are skipped). "
    + "Ctrl-C stops cleanly; the next run resumes.")
final class IndexCommand implements Callable<Integer> {
  @ParentCommand Main main;
  @Spec CommandSpec spec;

  @Parameters(paramLabel = "FOLDER", arity = "0..*",
      description = "Folders to add as roots. Without any, the existing roots are indexed again.")
  List<Path> folders = List.of();

  @Option(names = "--no-faces", description = "Skip face detection.")
  boolean noFaces;

  @Option(names = "--no-ocr", description = "Skip reading text in photos.")
  boolean noOcr;

  @Override
  public Integer call() {
    GlobalOptions global = main.global;
    Set<ModelRole> roles = EnumSet.allOf(ModelRole.class);
    if (noFaces) {
      roles.remove(ModelRole.FACES);
    }
    if (noOcr) {
      roles.remove(ModelRole.OCR);
    }
    Printer printer = new Printer(spec.commandLine().getOut(), global.json);
    try (PhotoLibrary library = Libraries.open(global, roles)) {
      List<Path> known = library.roots().stream().map(Root::path).toList();
      for (Path folder : folders) {
        if (!known.contains(folder.toAbsolutePath().normalize())) {
          library.addRoot(folder);
        }
      }
      if (library.roots().isEmpty()) {
        throw new IllegalArgumentException("nothing to index: give one or more folders, e.g. findmypic index ~/Pictures");
      }
      ProgressBar bar = new ProgressBar(spec.commandLine().getErr());
      IndexSummary summary = CtrlC.run(() -> library.index(global.json ? p -> { } : bar));
      bar.finish();
      if (printer.json()) {
        printer.printJson(summary);
      } else {
        printSummary(printer, summary);
      }
      return summary.cancelled() ? 130 : 0;
    }
  }

  private static void printSummary(Printer printer, IndexSummary s) {
    printer.println(String.format(Locale.ROOT,
        "%d added, %d updated, %d moved, %d removed, %d unchanged, %d failed in %.1f s%s",
        s.added(), s.updated(), s.moved(), s.removed(), s.unchanged(), s.failures().size(),
        s.elapsed().toMillis() / 1000.0, s.cancelled() ? " (stopped; run again to resume)" : ""));
    if (s.added() + s.updated() + s.moved() + s.failures().size() > 0) {
      printer.println("time per stage: " + s.stageTimes());
    }
    for (FileFailure f : s.failures()) {
      printer.println("  failed: " + f.path() + ": " + f.reason());
    }
    s.disabled().forEach(printer::println);
  }
}
