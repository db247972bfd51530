package dev.findmypic.cli;

import dev.findmypic.core.ModelRole;
import dev.findmypic.index.PhotoLibrary;
import dev.findmypic.index.search.SearchPage;
import dev.findmypic.index.search.SearchRequest;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Set;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code similar <photo>}: photos that look like this one. */
@Command(name = "similar", description = "Find photos that look like a photo (which need not be in the library).")
final class SimilarCommand extends PhotoQueryCommand {
  @Parameters(paramLabel = "PHOTO", description = "The photo to match.")
  Path photo;

  @Option(names = "--include-duplicates", description = "Keep near-duplicates of the photo itself in the results.")
  boolean includeDuplicates;

  @Override
  Set<ModelRole> roles() {
    return EnumSet.of(ModelRole.CLIP);
  }

  @Override
  String title() {
    return "like " + photo;
  }

  @Override
  SearchPage query(PhotoLibrary library, SearchRequest request) {
    return library.findSimilar(photo, !includeDuplicates, request);
  }
}
