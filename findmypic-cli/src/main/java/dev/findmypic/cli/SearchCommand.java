package dev.findmypic.cli;

import dev.findmypic.core.ModelRole;
import dev.findmypic.index.PhotoLibrary;
import dev.findmypic.index.search.SearchPage;
import dev.findmypic.index.search.SearchRequest;
import java.util.EnumSet;
import java.util.Set;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code search "<text>"}: photos that show the words, fused with the words read in them and file names. */
@Command(name = "search", description = "Find photos by what they show (CLIP), fused with the text in them and "
    + "their file names. Each result says which signals matched.")
final class SearchCommand extends PhotoQueryCommand {
  @Parameters(paramLabel = "TEXT", description = "What to look for, e.g. \"red car at night\".")
  String text;

  @Override
  Set<ModelRole> roles() {
    return EnumSet.of(ModelRole.CLIP, ModelRole.TEXT);
  }

  @Override
  String title() {
    return text;
  }

  @Override
  SearchPage query(PhotoLibrary library, SearchRequest request) {
    return library.searchText(text, request);
  }
}
