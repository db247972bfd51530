package dev.findmypic.index.search;

import static org.assertj.core.api.Assertions.assertThat;

import dev.findmypic.core.BoundingBox;
import dev.findmypic.core.DetectedFace;
import dev.findmypic.core.ModelRole;
import dev.findmypic.core.OcrResult;
import dev.findmypic.core.PhotoMetadata;
import dev.findmypic.index.LibraryOptions;
import dev.findmypic.index.PhotoLibrary;
import dev.findmypic.index.catalogue.AnalysedPhoto;
import dev.findmypic.index.catalogue.Catalogue;
import dev.findmypic.index.catalogue.FaceRecord;
import dev.findmypic.index.catalogue.FileRef;
import dev.findmypic.index.catalogue.PhotoWrites;
import dev.findmypic.index.testing.FakeClip;
import dev.findmypic.index.testing.FakeDecoder;
import dev.findmypic.index.testing.FakeFaces;
import dev.findmypic.index.testing.TestPhotos;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** More matches than one vector search returns: a person is found in all their photos, text results are capped. */
class ManyMatchesTest {
  private static final int PHOTOS = 700;

  @TempDir Path tmp;

  @Test
  void aPersonIsFoundInEveryPhotoAndVectorSignalsAreCapped() {
    FakeFaces faces = new FakeFaces();
    FakeDecoder decoder = new FakeDecoder();
    Path reference = TestPhotos.write(tmp.resolve("ref.png"), 0, 1, new TestPhotos.Face(3, 4, 4, 12));
    var picture = decoder.decode(reference, 0).picture();
    float[] face = faces.embed(picture, faces.detect(picture)).get(0);
    Path data = tmp.resolve("data");
    try (Catalogue catalogue = Catalogue.open(data)) {
      long root = catalogue.write(c -> PhotoWrites.addRoot(c, Path.of("/lib")));
      catalogue.write(c -> {
        for (int i = 0; i < PHOTOS; i++) {
          float[] image = new float[8];
          image[0] = 1;
          image[7] = i / (float) PHOTOS;
          PhotoWrites.putAnalysed(c, new AnalysedPhoto(new FileRef(root, Path.of("/lib/" + i + ".png"), 1, 1, "h" + i),
              new PhotoMetadata("png", 48, 40, 1, null, null, null, null),
              Map.of(ModelRole.CLIP, new FakeClip().info().key(), ModelRole.FACES, faces.info().key()),
              dev.findmypic.core.Vectors.normalizeInPlace(image), null,
              i % 7 == 0 ? List.of() : List.of(new FaceRecord(
                  new DetectedFace(new BoundingBox(1, 1, 10, 10), List.of(), 0.9f), face)), OcrResult.EMPTY));
        }
        return null;
      });
    }
    try (PhotoLibrary library = PhotoLibrary.open(data, LibraryOptions.builder().decoder(decoder)
        .clip(new FakeClip()).faces(faces).build())) {
      SearchRequest first = SearchRequest.firstPage(SearchRequest.MAX_LIMIT);
      SearchPage person = library.findPerson(List.of(FaceReference.largestFace(picture)), first);
      assertThat(person.total()).isEqualTo(PHOTOS - (PHOTOS + 6) / 7);
      Set<Path> paths = new HashSet<>();
      person.hits().forEach(h -> paths.add(h.path()));
      assertThat(paths).hasSize(person.total());
      assertThat(library.searchText("red", first).total()).isEqualTo(PhotoSearch.VECTOR_CANDIDATES);
    }
  }
}
