package dev.findmypic.cli;

import dev.findmypic.core.ModelRole;
import dev.findmypic.index.PhotoLibrary;
import dev.findmypic.index.search.SearchPage;
import dev.findmypic.index.search.SearchRequest;
import dev.findmypic.index.text.FtsQuery;
import java.util.EnumSet;
import java.util.Set;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code text "<words>"}: photos with these words written in them. */
@Command(name = "text", description = "Find photos by the words written in them (receipts, signs, screenshots).")
final class TextCommand extends PhotoQueryCommand {
  @Parameters(paramLabel = "WORDS", description = "The words, e.g. \"total 12.50\".")
  String words;

  @Option(names = "--phrase", description = "The words next to each other, in this order.")
  boolean phrase;

  @Option(names = "--prefix", description = "The last word as a prefix (\"rece\" finds \"receipt\").")
  boolean prefix;

  @Override
  Set<ModelRole> roles() {
    return EnumSet.noneOf(ModelRole.class);
  }

  @Override
  String title() {
    return "text: " + words;
  }

  @Override
  SearchPage query(PhotoLibrary library, SearchRequest request) {
    FtsQuery.Mode mode = phrase ? FtsQuery.Mode.PHRASE : prefix ? FtsQuery.Mode.PREFIX : FtsQuery.Mode.ALL_WORDS;
    return library.searchWords(words, mode, request);
  }
}
