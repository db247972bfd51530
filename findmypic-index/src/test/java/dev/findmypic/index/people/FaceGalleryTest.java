package dev.findmypic.index.people;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.findmypic.core.CatalogueException;
import dev.findmypic.core.DetectedFace;
import dev.findmypic.core.FaceRecognizer;
import dev.findmypic.core.ModelInfo;
import dev.findmypic.core.Picture;
import dev.findmypic.index.catalogue.Catalogue;
import dev.findmypic.index.testing.FakeFaces;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The gallery's decision and storage with controlled vectors: {@link FakeFaces}' 27-d unit vectors, Euclidean
 * distance, threshold 0.6.
 */
class FaceGalleryTest {
  private static final int DIM = 27;

  @TempDir Path data;
  Catalogue catalogue;
  FakeFaces faces = new FakeFaces();
  FaceGallery gallery;

  @BeforeEach
  void open() {
    catalogue = Catalogue.open(data);
    gallery = FaceGallery.open(data, faces, catalogue);
  }

  @AfterEach
  void close() {
    gallery.close();
    catalogue.close();
  }

  /** A unit vector at angle {@code theta} from axis {@code a} towards axis {@code b}. */
  private static float[] rotated(int a, int b, double theta) {
    float[] v = new float[DIM];
    v[a] = (float) Math.cos(theta);
    v[b] = (float) Math.sin(theta);
    return v;
  }

  private static float[] axis(int a) {
    return rotated(a, (a + 1) % DIM, 0);
  }

  /** The angle whose chord between unit vectors is {@code distance}. */
  private static double angleFor(double distance) {
    return 2 * Math.asin(distance / 2);
  }

  @Test
  void anEmptyGalleryKnowsNobody() {
    Identification id = gallery.identify(axis(0));
    assertThat(id.isKnown()).isFalse();
    assertThat(id.distance()).isInfinite();
    assertThat(id.nearest()).isEmpty();
    assertThat(id.threshold()).isEqualTo(0.6);
    assertThat(gallery.people()).isEmpty();
  }

  @Test
  void aFaceWithinTheThresholdIsItsPersonAndOneBeyondItIsUnknown() {
    EnrolledFace ada = gallery.enroll("Ada", axis(0), "ada.jpg");
    gallery.enroll("Bob", axis(1), null);

    Identification near = gallery.identify(rotated(0, 5, angleFor(0.59)));
    assertThat(near.person()).contains("Ada");
    assertThat(near.distance()).isCloseTo(0.59, within(1e-5));
    assertThat(near.nearest().get(0)).isEqualTo(new PersonMatch("Ada", near.distance(), ada.id()));

    Identification far = gallery.identify(rotated(0, 5, angleFor(0.61)));
    assertThat(far.isKnown()).isFalse();
    assertThat(far.distance()).isCloseTo(0.61, within(1e-5));
    // the suggestions still name the nearest people, nearest first
    assertThat(far.nearest()).extracting(PersonMatch::person).containsExactly("Ada", "Bob");
    assertThat(far.nearest().get(1).distance()).isGreaterThan(far.nearest().get(0).distance());
  }

  @Test
  void theNearestPersonWinsEvenWhenSeveralAreWithinTheThreshold() {
    gallery.enroll("Ada", rotated(0, 1, angleFor(0.3)), null);
    gallery.enroll("Bob", rotated(0, 2, angleFor(0.5)), null);
    Identification id = gallery.identify(axis(0));
    assertThat(id.person()).contains("Ada");
    assertThat(id.nearest()).extracting(PersonMatch::person).containsExactly("Ada", "Bob");
  }

  @Test
  void twoPeopleExactlyEquallyNearLeaveTheFaceUnknown() {
    double theta = angleFor(0.3);
    gallery.enroll("Bob", rotated(0, 1, theta), null);
    gallery.enroll("Ada", rotated(0, 1, -theta), null);
    Identification id = gallery.identify(axis(0));
    assertThat(id.isKnown()).as("a tie between two people is ambiguous").isFalse();
    assertThat(id.distance()).isCloseTo(0.3, within(1e-5));
    assertThat(id.nearest()).extracting(PersonMatch::person).containsExactly("Ada", "Bob");
    assertThat(id.nearest().get(0).distance()).isEqualTo(id.nearest().get(1).distance());
  }

  @Test
  void aTieBetweenTwoReferencesOfOnePersonIsThatPerson() {
    double theta = angleFor(0.3);
    EnrolledFace first = gallery.enroll("Ada", rotated(0, 1, theta), null);
    gallery.enroll("Ada", rotated(0, 1, -theta), null);
    gallery.enroll("Bob", axis(7), null);
    Identification id = gallery.identify(axis(0));
    assertThat(id.person()).contains("Ada");
    assertThat(id.nearest().get(0).referenceId()).isEqualTo(first.id());
  }

  @Test
  void severalReferencesOfOnePersonEachCount() {
    gallery.enroll("Ada", axis(0), "front");
    EnrolledFace profile = gallery.enroll("Ada", axis(3), "profile");
    gallery.enroll("Bob", rotated(0, 3, Math.PI / 4), null); // halfway between Ada's two references
    // near Ada's second reference: Ada, by that reference, although Bob is nearer to her first one
    Identification id = gallery.identify(rotated(3, 9, angleFor(0.2)));
    assertThat(id.person()).contains("Ada");
    assertThat(id.nearest().get(0).referenceId()).isEqualTo(profile.id());
    assertThat(id.distance()).isCloseTo(0.2, within(1e-5));
    assertThat(gallery.people()).containsExactly(new Person("Ada", 2), new Person("Bob", 1));
    assertThat(gallery.references("Ada")).extracting(EnrolledFace::source).containsExactly("front", "profile");
  }

  @Test
  void nearestListsAtMostThreePeople() {
    for (int i = 0; i < 5; i++) {
      gallery.enroll("p" + i, rotated(0, i + 1, angleFor(0.1 + 0.1 * i)), null);
    }
    Identification id = gallery.identify(axis(0));
    assertThat(id.person()).contains("p0");
    assertThat(id.nearest()).extracting(PersonMatch::person).containsExactly("p0", "p1", "p2");
  }

  @Test
  void referencesSurviveReopeningAndForgetAndRemoveTakeEffectAtOnce() {
    EnrolledFace ada = gallery.enroll("  Ada  ", axis(0), "a.jpg");
    EnrolledFace ada2 = gallery.enroll("Ada", axis(2), "a2.jpg");
    gallery.enroll("Bob", axis(1), null);
    assertThat(ada.person()).isEqualTo("Ada");
    gallery.close();

    gallery = FaceGallery.open(data, faces, catalogue);
    assertThat(gallery.people()).containsExactly(new Person("Ada", 2), new Person("Bob", 1));
    assertThat(gallery.references("Ada")).containsExactly(ada, ada2);
    assertThat(gallery.identify(axis(0)).person()).contains("Ada");

    assertThat(gallery.remove(ada.id())).isTrue();
    assertThat(gallery.remove(ada.id())).isFalse();
    assertThat(gallery.identify(axis(0)).isKnown()).isFalse();
    assertThat(gallery.identify(axis(2)).person()).contains("Ada");

    assertThat(gallery.forget("Ada")).isEqualTo(1);
    assertThat(gallery.forget("Ada")).isZero();
    assertThat(gallery.identify(axis(2)).isKnown()).isFalse();
    assertThat(gallery.people()).containsExactly(new Person("Bob", 1));
  }

  @Test
  void referencesOfAnotherModelTakeNoPart() {
    gallery.enroll("Ada", axis(0), null);
    try (FaceGallery other = FaceGallery.open(data, new OtherModel(), catalogue)) {
      assertThat(other.people()).containsExactly(new Person("Ada", 0));
      assertThat(other.identify(axis(0)).isKnown()).isFalse();
      assertThat(other.references("Ada")).extracting(EnrolledFace::modelKey).containsExactly("fake/faces@f1");
    }
  }

  @Test
  void badNamesAndVectorsAreRefused() {
    assertThatThrownBy(() -> gallery.enroll("  ", axis(0), null)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("name");
    assertThatThrownBy(() -> gallery.enroll("a\u0000b", axis(0), null))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("control characters");
    assertThatThrownBy(() -> gallery.enroll("x".repeat(201), axis(0), null))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> gallery.enroll("Ada", new float[5], null))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("27 values, got 5");
    float[] nan = axis(0);
    nan[3] = Float.NaN;
    assertThatThrownBy(() -> gallery.identify(nan)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("finite");
    // a name with quotes and SQL in it is just a name
    String odd = "Robert'); DROP TABLE face_references;--";
    gallery.enroll(odd, axis(4), null);
    assertThat(gallery.identify(axis(4)).person()).contains(odd);
    assertThat(gallery.people()).containsExactly(new Person(odd, 1));
  }

  @Test
  void aDamagedVectorGivesAnErrorNamingTheFile() throws Exception {
    EnrolledFace ada = gallery.enroll("Ada", axis(0), null);
    gallery.close();
    execute(data.resolve(FaceGallery.FILE_NAME),
        "UPDATE face_references SET vector = x'0000803f0000' WHERE id = " + ada.id());
    assertThatThrownBy(() -> FaceGallery.open(data, faces, catalogue)).isInstanceOf(CatalogueException.class)
        .hasMessageContaining(data.resolve(FaceGallery.FILE_NAME).toString()).hasMessageContaining("damaged");
    execute(data.resolve(FaceGallery.FILE_NAME),
        "UPDATE face_references SET vector = x'0000803f' WHERE id = " + ada.id());
    assertThatThrownBy(() -> FaceGallery.open(data, faces, catalogue)).isInstanceOf(CatalogueException.class)
        .hasMessageContaining("has 1 values where fake/faces@f1 gives 27");
    gallery = FaceGallery.open(data, new OtherModel(), catalogue); // other models' references are not checked
  }

  @Test
  void aFileThatIsNotAGalleryGivesAnErrorNamingIt() throws Exception {
    gallery.close();
    Path file = data.resolve(FaceGallery.FILE_NAME);
    Files.delete(file);
    Files.deleteIfExists(data.resolve(FaceGallery.FILE_NAME + "-wal"));
    Files.deleteIfExists(data.resolve(FaceGallery.FILE_NAME + "-shm"));
    Files.write(file, "this is not a database, just some text that is long enough to fill a header".repeat(20)
        .getBytes());
    assertThatThrownBy(() -> FaceGallery.open(data, faces, catalogue)).isInstanceOf(CatalogueException.class)
        .hasMessageContaining(file.toString()).hasMessageContaining("move it away");
    Files.delete(file);
    execute(file, "PRAGMA user_version = 7");
    assertThatThrownBy(() -> FaceGallery.open(data, faces, catalogue)).isInstanceOf(CatalogueException.class)
        .hasMessageContaining("schema version 7").hasMessageContaining("upgrade");
    Files.delete(file);
    gallery = FaceGallery.open(data, faces, catalogue);
  }

  private static void execute(Path file, String sql) throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }

  /** {@link FakeFaces}' vectors and metric under another model key. */
  private static final class OtherModel implements FaceRecognizer {
    private final FakeFaces delegate = new FakeFaces();

    @Override
    public ModelInfo info() {
      return new ModelInfo("other/faces", "o1", DIM, Set.of());
    }

    @Override
    public List<DetectedFace> detect(Picture picture) {
      return delegate.detect(picture);
    }

    @Override
    public List<float[]> embed(Picture picture, List<DetectedFace> found) {
      return delegate.embed(picture, found);
    }

    @Override
    public double distance(float[] a, float[] b) {
      return delegate.distance(a, b);
    }

    @Override
    public double threshold() {
      return delegate.threshold();
    }

    @Override
    public void close() {}
  }
}
