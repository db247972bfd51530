package dev.findmypic.index.people;

import static org.assertj.core.api.Assertions.assertThat;

import dev.findmypic.core.testing.SharedData;
import dev.findmypic.index.IndexSummary;
import dev.findmypic.index.LibraryOptions;
import dev.findmypic.index.PhotoLibrary;
import dev.findmypic.models.face.FaceDetector;
import dev.findmypic.models.face.dlib.DlibResnetRecognizer;
import dev.findmypic.models.image.OpenCvPhotoDecoder;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole face path on real photos and real weights, through the library a host application embeds: the 128
 * photos of {@code shared/fixtures/faces} are indexed once per class (decode, detect, align, dlib ResNet embed), then
 * searched by person with each identity's first photo ({@link FixtureFaces#personSearch}) and identified against a
 * gallery enrolled from the same first photos ({@link FixtureFaces#gallery}). Each subclass picks the detector and
 * asserts the levels it measured.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class DlibFacesEndToEnd {
  private final OpenCvPhotoDecoder decoder = new OpenCvPhotoDecoder();
  private DlibResnetRecognizer recognizer;
  private PhotoLibrary library;
  private IndexSummary summary;

  /** @return a new detector giving five landmarks; the recogniser closes it */
  abstract FaceDetector detector();

  /**
   * Indexes the fixture folder in a fresh library.
   *
   * @param data the data directory
   */
  @BeforeAll
  void index(@TempDir Path data) {
    recognizer = DlibResnetRecognizer.open(SharedData.path("models/face-api-recognition"), detector());
    library = PhotoLibrary.open(data, LibraryOptions.builder().decoder(decoder).faces(recognizer).threads(2).build());
    library.addRoot(FixtureFaces.root());
    long cpu = processCpuNanos();
    summary = library.index(p -> { });
    System.out.printf("%s: indexed %d photos, %d faces, in %s wall, %.1f s process CPU%n", getClass().getSimpleName(),
        summary.added(), library.stats().catalogue().faces(), summary.elapsed(), (processCpuNanos() - cpu) / 1e9);
  }

  private static long processCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  /** Closes the library and the recogniser. */
  @AfterAll
  void close() {
    if (library != null) {
      library.close();
    }
    if (recognizer != null) {
      recognizer.close();
    }
  }

  /** @return the library with the fixtures indexed */
  PhotoLibrary library() {
    return library;
  }

  @Test
  void everyPhotoIsIndexed() {
    assertThat(summary.failures()).isEmpty();
    assertThat(summary.added()).isEqualTo(FixtureFaces.labels().size());
  }

  @Test
  void personSearchWithEachIdentitysFirstPhoto() {
    FixtureFaces.Table table = FixtureFaces.personSearch(library, decoder);
    System.out.println(getClass().getSimpleName() + ", person search:\n" + table.markdown());
    checkPersonSearch(table);
  }

  @Test
  void galleryEnrolledFromEachIdentitysFirstPhoto() {
    FixtureFaces.GalleryResult result = FixtureFaces.gallery(library);
    System.out.println(getClass().getSimpleName() + ", gallery:\n" + result.table().markdown() + result.summary());
    checkGallery(result);
  }

  /**
   * Asserts the person-search levels this detector reached.
   *
   * @param table the per-identity table
   */
  abstract void checkPersonSearch(FixtureFaces.Table table);

  /**
   * Asserts the identification levels this detector reached.
   *
   * @param result the gallery's result
   */
  abstract void checkGallery(FixtureFaces.GalleryResult result);
}
