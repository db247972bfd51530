package dev.findmypic.cli;

import dev.findmypic.core.ModelRole;
import dev.findmypic.index.PhotoLibrary;
import dev.findmypic.index.search.SearchPage;
import dev.findmypic.index.search.SearchRequest;
import java.util.Set;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** What the photo search commands share: open the library, run one query, print the page. */
abstract class PhotoQueryCommand implements Runnable {
  @ParentCommand Main main;
  @Spec CommandSpec spec;
  @Mixin SearchOptions search;

  /** @return the roles whose models the query needs */
  abstract Set<ModelRole> roles();

  /** @return what was asked, for headings */
  abstract String title();

  /**
   * Runs the query.
   *
   * @param library the open library
   * @param request filter, order and page
   * @return the page
   */
  abstract SearchPage query(PhotoLibrary library, SearchRequest request);

  @Override
  public void run() {
    GlobalOptions global = main.global;
    try (PhotoLibrary library = Libraries.open(global, roles())) {
      if (library.stats().catalogue().indexedFiles() == 0) {
        throw new IllegalArgumentException("the library in " + global.dataDir()
            + " has no indexed photos yet: run findmypic index <folder> first");
      }
      SearchPage page = query(library, search.request());
      HitPrinter.print(new Printer(spec.commandLine().getOut(), global.json), page, search.html, title());
    }
  }
}
