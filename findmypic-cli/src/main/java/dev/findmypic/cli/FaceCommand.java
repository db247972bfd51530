package dev.findmypic.cli;

import dev.findmypic.core.DetectedFace;
import dev.findmypic.core.ModelProvider;
import dev.findmypic.core.ModelRole;
import dev.findmypic.core.Picture;
import dev.findmypic.index.PhotoLibrary;
import dev.findmypic.index.search.FaceReference;
import dev.findmypic.index.search.SearchPage;
import dev.findmypic.index.search.SearchRequest;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code face <photo>…}: every photo of the person in these photos. */
@Command(name = "face", description = "Find every photo of a person, given one or more photos of them. With several "
    + "faces in a photo, the largest is used unless --pick says which (see `findmypic faces PHOTO`).")
final class FaceCommand extends PhotoQueryCommand {
  @Parameters(paramLabel = "PHOTO", arity = "1..*", description = "Photos of the person.")
  List<Path> photos;

  @Option(names = "--pick", paramLabel = "N",
      description = "Use face N (1-based, as `findmypic faces` numbers them) of each photo instead of the largest.")
  Integer pick;

  @Override
  Set<ModelRole> roles() {
    return EnumSet.of(ModelRole.FACES);
  }

  @Override
  String title() {
    return "person in " + photos;
  }

  @Override
  SearchPage query(PhotoLibrary library, SearchRequest request) {
    var decoder = ModelProvider.load().photoDecoder();
    List<FaceReference> references = new ArrayList<>();
    for (Path photo : photos) {
      Picture picture = decoder.decode(photo, 0).picture();
      references.add(pick == null ? FaceReference.largestFace(picture) : pickFace(library, photo, picture));
    }
    return library.findPerson(references, request);
  }

  private FaceReference pickFace(PhotoLibrary library, Path photo, Picture picture) {
    List<DetectedFace> faces = library.faceRecognizer()
        .orElseThrow(() -> new IllegalArgumentException("no face model is available; see findmypic doctor"))
        .detect(picture);
    if (pick < 1 || pick > faces.size()) {
      throw new IllegalArgumentException("--pick " + pick + " but " + photo + " has " + faces.size() + " faces");
    }
    return new FaceReference(picture, faces.get(pick - 1).box());
  }
}
