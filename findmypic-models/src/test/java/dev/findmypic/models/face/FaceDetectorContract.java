package dev.findmypic.models.face;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.findmypic.core.BoundingBox;
import dev.findmypic.core.DetectedFace;
import dev.findmypic.core.Picture;
import dev.findmypic.core.Point;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.opencv.core.Core;
import org.opencv.core.Mat;
import org.opencv.core.MatOfByte;
import org.opencv.core.Size;
import org.opencv.imgcodecs.Imgcodecs;
import org.opencv.imgproc.Imgproc;

/**
 * What every {@link FaceDetector} must do on real photos: the hand-counted fixtures, landmark order, upright and
 * full-size coordinates, and odd inputs. Subclasses open the detector and state the count precision and recall they
 * measured on the whole fixture set.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class FaceDetectorContract {
  private static final String PORTRAIT = "face_recognition/examples/biden.jpg";

  private FaceDetector detector;

  /** @return a new detector under test */
  protected abstract FaceDetector openDetector();

  /** @return the precision of face counts measured over {@link #countedPhotos()}, asserted as a floor */
  protected abstract double measuredPrecision();

  /** @return the recall of face counts measured over {@link #countedPhotos()}, asserted as a floor */
  protected abstract double measuredRecall();

  /** @return the photos whose faces are counted: all of {@code labels.csv} unless a slow detector samples them */
  protected List<FaceFixtures.Label> countedPhotos() {
    return FaceFixtures.labels();
  }

  /** @return the photos of {@code labels.csv} whose count this detector is known to get wrong */
  protected List<String> knownCountMisses() {
    return List.of();
  }

  @BeforeAll
  void open() {
    detector = openDetector();
  }

  @AfterAll
  void close() {
    detector.close();
  }

  /** @return the detector under test */
  protected FaceDetector detector() {
    return detector;
  }

  @Test
  void findsSixFacesInTheBigBangTheoryGroupPhoto() {
    assertThat(detector.detect(FaceFixtures.face("face-api.js/bbt/bbt4.jpg"))).hasSize(6);
  }

  @ParameterizedTest
  @ValueSource(strings = {"dlib/no_people/dog.jpg", "dlib/no_people/eagle.jpg", "dlib/no_people/giraffe.jpg",
      "dlib/no_people/horses.jpg"})
  void findsNoFaceWithoutPeople(String path) {
    assertThat(detector.detect(FaceFixtures.face(path))).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"face_recognition/examples/biden.jpg", "face-api.js/expressions/sad.jpg",
      "face-api.js/expressions/happy.jpg", "facenet-pytorch/test_images/kate_siegel/1.jpg",
      "face-api.js/people/amy/amy1.png"})
  void findsOneFaceInASinglePortrait(String path) {
    List<DetectedFace> faces = detector.detect(FaceFixtures.face(path));
    assertThat(faces).hasSize(1);
    assertThat(faces.get(0).score()).isBetween(0f, 1f);
  }

  @Test
  void countsFacesOverTheFixtureSet() {
    List<String> mismatches = new ArrayList<>();
    FaceFixtures.CountStats stats = FaceFixtures.countStats(countedPhotos(), detector::detect, mismatches);
    System.out.println(getClass().getSimpleName() + " face counts: " + stats);
    mismatches.forEach(m -> System.out.println("  " + m));
    assertThat(stats.precision()).isGreaterThanOrEqualTo(measuredPrecision());
    assertThat(stats.recall()).isGreaterThanOrEqualTo(measuredRecall());
    assertThat(mismatches).allMatch(m -> knownCountMisses().stream().anyMatch(m::startsWith));
  }

  @Test
  void putsEyesAboveTheMouthInOrderFromLeftToRight() {
    for (String path : List.of("face-api.js/bbt/bbt4.jpg", "facenet-pytorch/multiface.jpg", PORTRAIT)) {
      for (DetectedFace face : detector.detect(FaceFixtures.face(path))) {
        List<Point> p = face.landmarks();
        assertThat(p).as(path).hasSize(5);
        assertThat(p.get(0).x()).as(path + " left eye left of right eye").isLessThan(p.get(1).x());
        assertThat(p.get(3).x()).as(path + " mouth corners").isLessThan(p.get(4).x());
        float eyes = Math.max(p.get(0).y(), p.get(1).y());
        assertThat(eyes).as(path + " eyes above the nose").isLessThan(p.get(2).y());
        assertThat(p.get(2).y()).as(path + " nose above the mouth").isLessThan(Math.min(p.get(3).y(), p.get(4).y()));
        BoundingBox box = face.box();
        for (Point q : p) {
          assertThat(q.x()).isBetween(box.x() - 1, box.right() + 1);
          assertThat(q.y()).isBetween(box.y() - 1, box.bottom() + 1);
        }
      }
    }
  }

  @Test
  void reportsFullSizeCoordinatesForAPictureDecodedAtHalfScale() {
    Mat full = FaceFixtures.readMat("fixtures/faces/face-api.js/bbt/bbt4.jpg", Imgcodecs.IMREAD_COLOR);
    Mat half = new Mat();
    Imgproc.resize(full, half, new Size(full.cols() / 2.0, full.rows() / 2.0), 0, 0, Imgproc.INTER_AREA);
    double scale = (double) half.cols() / full.cols();
    List<DetectedFace> expected = byX(detector.detect(FaceFixtures.toPicture(full, 1.0)));
    List<DetectedFace> actual = byX(detector.detect(FaceFixtures.toPicture(half, scale)));
    assertThat(actual).hasSameSizeAs(expected);
    for (int i = 0; i < expected.size(); i++) {
      assertSameBox(actual.get(i).box(), expected.get(i).box(), 0.15);
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {2, 3, 4, 5, 6, 7, 8})
  void givesUprightBoxesForExifRotatedJpegs(int orientation) {
    Mat upright = FaceFixtures.readMat("fixtures/faces/" + PORTRAIT, Imgcodecs.IMREAD_COLOR);
    Mat stored = storedFor(upright, orientation);
    Mat reference = Imgcodecs.imdecode(new MatOfByte(FaceFixtures.jpegWithOrientation(upright, 1)),
        Imgcodecs.IMREAD_COLOR);
    Mat decoded = Imgcodecs.imdecode(new MatOfByte(FaceFixtures.jpegWithOrientation(stored, orientation)),
        Imgcodecs.IMREAD_COLOR);
    assertThat(decoded.size()).isEqualTo(upright.size());
    List<DetectedFace> expected = detector.detect(FaceFixtures.toPicture(reference, 1.0));
    List<DetectedFace> actual = detector.detect(FaceFixtures.toPicture(decoded, 1.0));
    assertThat(expected).hasSize(1);
    assertThat(actual).hasSize(1);
    assertSameBox(actual.get(0).box(), expected.get(0).box(), 0.05);
  }

  @Test
  void handlesGreyscaleAndRgbaFiles() {
    Mat grey = FaceFixtures.readMat("fixtures/faces/" + PORTRAIT, Imgcodecs.IMREAD_GRAYSCALE);
    assertThat(grey.channels()).isEqualTo(1);
    assertThat(detector.detect(FaceFixtures.toPicture(grey, 1.0))).hasSize(1);
    Mat rgba = FaceFixtures.readMat("fixtures/faces/face_recognition/examples/alex-lacamoire.png",
        Imgcodecs.IMREAD_UNCHANGED);
    assertThat(rgba.channels()).isEqualTo(4);
    assertThat(detector.detect(FaceFixtures.toPicture(rgba, 1.0))).hasSize(1);
  }

  @Test
  void handlesATinyThumbnail() {
    Mat face = FaceFixtures.readMat("fixtures/faces/face-api.js/people/amy/amy1.png", Imgcodecs.IMREAD_COLOR);
    Mat tiny = new Mat();
    Imgproc.resize(face, tiny, new Size(36, 36), 0, 0, Imgproc.INTER_AREA);
    List<DetectedFace> faces = detector.detect(FaceFixtures.toPicture(tiny, 1.0));
    assertThat(faces).hasSize(1);
    assertThat(faces.get(0).box().width()).isBetween(10f, 60f);
    Picture onePixel = Picture.ofRgb(1, 1, new byte[3]);
    assertThat(detector.detect(onePixel)).isEmpty();
  }

  @Test
  void handlesATwelveMegapixelPhoto() {
    Mat portrait = FaceFixtures.readMat("fixtures/faces/" + PORTRAIT, Imgcodecs.IMREAD_COLOR);
    double factor = 4000.0 / portrait.cols();
    Mat huge = new Mat();
    Imgproc.resize(portrait, huge, new Size(4000, Math.round(portrait.rows() * factor)), 0, 0, Imgproc.INTER_LINEAR);
    List<DetectedFace> small = detector.detect(FaceFixtures.toPicture(portrait, 1.0));
    List<DetectedFace> big = detector.detect(FaceFixtures.toPicture(huge, 1.0));
    assertThat(big).hasSize(1);
    BoundingBox s = small.get(0).box();
    BoundingBox expected = new BoundingBox((float) (s.x() * factor), (float) (s.y() * factor),
        (float) (s.width() * factor), (float) (s.height() * factor));
    assertSameBox(big.get(0).box(), expected, 0.15);
  }

  private static Mat storedFor(Mat upright, int orientation) {
    Mat stored = new Mat();
    switch (orientation) {
      case 2 -> Core.flip(upright, stored, 1);
      case 3 -> Core.rotate(upright, stored, Core.ROTATE_180);
      case 4 -> Core.flip(upright, stored, 0);
      case 5 -> Core.transpose(upright, stored);
      case 6 -> Core.rotate(upright, stored, Core.ROTATE_90_COUNTERCLOCKWISE);
      case 7 -> {
        Mat t = new Mat();
        Core.transpose(upright, t);
        Core.rotate(t, stored, Core.ROTATE_180);
      }
      case 8 -> Core.rotate(upright, stored, Core.ROTATE_90_CLOCKWISE);
      default -> throw new IllegalArgumentException("orientation " + orientation);
    }
    return stored;
  }

  private static List<DetectedFace> byX(List<DetectedFace> faces) {
    List<DetectedFace> sorted = new ArrayList<>(faces);
    sorted.sort((a, b) -> Float.compare(a.box().x(), b.box().x()));
    return sorted;
  }

  /** Boxes agree within a fraction of the expected box's width. */
  private static void assertSameBox(BoundingBox actual, BoundingBox expected, double fraction) {
    float tol = (float) (expected.width() * fraction);
    assertThat(actual.x()).isCloseTo(expected.x(), within(tol));
    assertThat(actual.y()).isCloseTo(expected.y(), within(tol));
    assertThat(actual.right()).isCloseTo(expected.right(), within(tol));
    assertThat(actual.bottom()).isCloseTo(expected.bottom(), within(tol));
  }
}
