package dev.findmypic.index.people;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.findmypic.core.BoundingBox;
import dev.findmypic.core.Picture;
import dev.findmypic.core.QueryException;
import dev.findmypic.index.LibraryOptions;
import dev.findmypic.index.PhotoLibrary;
import dev.findmypic.index.search.FaceReference;
import dev.findmypic.index.testing.FakeClip;
import dev.findmypic.index.testing.FakeDecoder;
import dev.findmypic.index.testing.FakeFaces;
import dev.findmypic.index.testing.TestPhotos;
import dev.findmypic.index.testing.TestPhotos.Face;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The gallery as a host application reaches it: through {@link PhotoLibrary#people()}, with {@link FakeFaces}. */
class PeopleInLibraryTest {
  @TempDir Path tmp;
  FakeDecoder decoder = new FakeDecoder();

  private PhotoLibrary open(boolean withFaces) {
    LibraryOptions.Builder options = LibraryOptions.builder().decoder(decoder).clip(new FakeClip());
    return PhotoLibrary.open(tmp.resolve("data"), (withFaces ? options.faces(new FakeFaces()) : options).build());
  }

  private Picture picture(Path file) {
    return decoder.decode(file, 0).picture();
  }

  @Test
  void enrolFromAPictureAndFromAnIndexedPhotoThenIdentifyEveryFace() {
    Path adaAlone = TestPhotos.write(tmp.resolve("photos/ada.png"), 0x0000ff, 1, new Face(3, 2, 2, 14));
    Path party = TestPhotos.write(tmp.resolve("photos/party.png"), 0x00ff00, 2,
        new Face(3, 2, 2, 10), new Face(5, 20, 20, 12), new Face(8, 34, 4, 9));
    Path bobAndAda = TestPhotos.write(tmp.resolve("photos/pair.png"), 0x808080, 3,
        new Face(5, 2, 2, 8), new Face(3, 30, 20, 12));
    Path outside = TestPhotos.write(tmp.resolve("elsewhere/bob.png"), 0xffffff, 4, new Face(5, 4, 4, 12));
    try (PhotoLibrary library = open(true)) {
      library.addRoot(tmp.resolve("photos"));
      assertThat(library.index(p -> { }).failures()).isEmpty();
      FaceGallery people = library.people().orElseThrow();
      assertThat(library.people()).containsSame(people);

      EnrolledFace ada = people.enroll("Ada", FaceReference.largestFace(picture(adaAlone)), "camera roll");
      assertThat(ada.box()).isEqualTo(new BoundingBox(2, 2, 14, 14));
      assertThat(ada.source()).isEqualTo("camera roll");
      // Bob from an indexed photo, picked by a box around the smaller face: no detection runs again
      EnrolledFace bob = people.enroll("Bob", bobAndAda, new BoundingBox(0, 0, 12, 12));
      assertThat(bob.box()).isEqualTo(new BoundingBox(2, 2, 8, 8));
      assertThat(bob.source()).isEqualTo(bobAndAda.toAbsolutePath().normalize().toString());

      // in detection order (FakeFaces scores identity 8 highest, then 5, then 3)
      List<IdentifiedFace> faces = people.identify(party);
      assertThat(faces).extracting(f -> f.identification().person())
          .containsExactly(Optional.empty(), Optional.of("Bob"), Optional.of("Ada"));
      assertThat(faces).extracting(IdentifiedFace::box).containsExactly(new BoundingBox(34, 4, 9, 9),
          new BoundingBox(20, 20, 12, 12), new BoundingBox(2, 2, 10, 10));
      assertThat(faces.get(0).identification().nearest()).extracting(PersonMatch::person)
          .containsExactlyInAnyOrder("Ada", "Bob");

      // a picture that is not in the library: detected and embedded on the spot
      assertThat(people.identify(picture(outside))).singleElement()
          .satisfies(f -> assertThat(f.identification().person()).contains("Bob"));
      assertThat(people.people()).containsExactly(new Person("Ada", 1), new Person("Bob", 1));
    }
    // the gallery lives in the data directory and outlives the library object
    assertThat(tmp.resolve("data").resolve(FaceGallery.FILE_NAME)).exists();
    try (PhotoLibrary library = open(true)) {
      assertThat(library.people().orElseThrow().identify(picture(party)))
          .extracting(f -> f.identification().person())
          .containsExactly(Optional.empty(), Optional.of("Bob"), Optional.of("Ada"));
    }
  }

  @Test
  void whatCannotBeEnrolledOrIdentifiedIsExplained() throws Exception {
    Path noFace = TestPhotos.write(tmp.resolve("photos/empty.png"), 0x00ff00, 1);
    Path oneFace = TestPhotos.write(tmp.resolve("photos/one.png"), 0x0000ff, 2, new Face(3, 2, 2, 10));
    Path notIndexed = TestPhotos.write(tmp.resolve("elsewhere/x.png"), 0x0000ff, 3, new Face(3, 2, 2, 10));
    try (PhotoLibrary library = open(true)) {
      library.addRoot(tmp.resolve("photos"));
      library.index(p -> { });
      FaceGallery people = library.people().orElseThrow();
      assertThatThrownBy(() -> people.enroll("Ada", FaceReference.largestFace(picture(noFace)), "empty.png"))
          .isInstanceOf(QueryException.class).hasMessageContaining("no face found in empty.png");
      assertThatThrownBy(() -> people.enroll("Ada",
          new FaceReference(picture(oneFace), new BoundingBox(30, 30, 5, 5)), null))
          .isInstanceOf(QueryException.class).hasMessageContaining("overlaps the picked box");
      assertThatThrownBy(() -> people.enroll("Ada", noFace, null)).isInstanceOf(QueryException.class)
          .hasMessageContaining("no face in " + noFace);
      assertThatThrownBy(() -> people.enroll("Ada", oneFace, new BoundingBox(30, 30, 5, 5)))
          .isInstanceOf(QueryException.class).hasMessageContaining("overlaps the picked box");
      assertThatThrownBy(() -> people.identify(notIndexed)).isInstanceOf(QueryException.class)
          .hasMessageContaining(notIndexed.toAbsolutePath().toString()).hasMessageContaining("not indexed");
      assertThat(people.identify(noFace)).isEmpty();
      assertThat(people.identify(oneFace)).singleElement()
          .satisfies(f -> assertThat(f.identification().isKnown()).isFalse());
      assertThat(people.people()).isEmpty();
    }
  }

  @Test
  void aLibraryWithoutAFaceRecogniserHasNoGallery() throws Exception {
    try (PhotoLibrary library = open(false)) {
      assertThat(library.people()).isEmpty();
    }
    assertThat(Files.exists(tmp.resolve("data").resolve(FaceGallery.FILE_NAME))).isFalse();
  }
}
