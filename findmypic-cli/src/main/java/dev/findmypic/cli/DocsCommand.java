package dev.findmypic.cli;

import dev.findmypic.core.Embedder;
import dev.findmypic.core.ModelProvider;
import dev.findmypic.core.ModelRole;
import dev.findmypic.index.PhotoLibrary;
import dev.findmypic.index.catalogue.Root;
import dev.findmypic.index.docs.DocumentHit;
import dev.findmypic.index.docs.DocumentIndex;
import dev.findmypic.index.docs.Passage;
import dev.findmypic.index.docs.SearchMode;
import dev.findmypic.index.docs.TikaTextExtractor;
import dev.findmypic.index.docs.UpdateReport;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code docs "<query>"}: documents under the library's roots by meaning and keywords. The document index is brought
 * up to date first (only new and changed files are read).
 */
@Command(name = "docs", description = "Search the documents under the library's roots (PDF, DOCX, PPTX, XLSX, ODT, "
    + "TXT, Markdown, HTML) by meaning and keywords; new and changed documents are indexed first.")
final class DocsCommand implements Runnable {
  @ParentCommand Main main;
  @Spec CommandSpec spec;

  @Parameters(paramLabel = "QUERY", description = "What to look for.")
  String query;

  @Option(names = "--mode", defaultValue = "hybrid", description = "hybrid (default), semantic or keyword.")
  String mode;

  @Option(names = "--limit", defaultValue = "10", description = "Documents to show (default 10).")
  int limit;

  @Override
  public void run() {
    GlobalOptions global = main.global;
    List<Path> roots;
    try (PhotoLibrary library = Libraries.open(global, EnumSet.noneOf(ModelRole.class))) {
      roots = library.roots().stream().map(Root::path).toList();
    }
    if (roots.isEmpty()) {
      throw new IllegalArgumentException("the library has no roots yet: run findmypic index <folder> first");
    }
    ModelProvider provider = ModelProvider.load();
    try (Embedder embedder = provider.openEmbedder(ModelRole.TEXT, global.settings());
        DocumentIndex index = DocumentIndex.open(global.dataDir(), embedder, new TikaTextExtractor())) {
      UpdateReport report = index.update(roots);
      report.failed().forEach((file, why) -> spec.commandLine().getErr().println("skipped " + file + ": " + why));
      List<DocumentHit> hits = index.search(query, limit, SearchMode.valueOf(mode.toUpperCase(Locale.ROOT)));
      print(new Printer(spec.commandLine().getOut(), global.json), hits);
    }
  }

  private static void print(Printer printer, List<DocumentHit> hits) {
    if (printer.json()) {
      printer.printJson(hits);
      return;
    }
    if (hits.isEmpty()) {
      printer.println("no documents found");
      return;
    }
    List<List<String>> rows = new ArrayList<>();
    rows.add(List.of("#", "score", "matched", "document", "best passage"));
    int rank = 0;
    for (DocumentHit hit : hits) {
      String best = hit.passages().isEmpty() ? "" : snippet(hit.passages().get(0));
      rows.add(List.of(String.valueOf(++rank), String.format(Locale.ROOT, "%.3f", hit.score()),
          hit.signals().stream().map(s -> s.name().toLowerCase(Locale.ROOT)).sorted().collect(Collectors.joining(",")),
          hit.path().toString(), best));
    }
    printer.printTable(rows);
  }

  private static String snippet(Passage passage) {
    String text = passage.text().replaceAll("\\s+", " ").strip();
    return text.length() <= 80 ? text : text.substring(0, 77) + "...";
  }
}
