package dev.findmypic.models.face.dlib;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.findmypic.core.BoundingBox;
import dev.findmypic.core.DetectedFace;
import dev.findmypic.core.Picture;
import dev.findmypic.core.Point;
import dev.findmypic.core.Vectors;
import dev.findmypic.core.testing.SharedData;
import dev.findmypic.models.face.FaceFixtures;
import dev.findmypic.models.face.mtcnn.MtcnnDetector;
import dev.findmypic.models.face.mtcnn.MtcnnOptions;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opencv.core.Mat;
import org.opencv.imgcodecs.Imgcodecs;

/** The "dlib-resnet" tier end to end: MTCNN detection, alignment, descriptor, decision. */
class DlibResnetRecognizerTest {
  private static final Map<String, Picture> PHOTOS = new ConcurrentHashMap<>();
  private static final Map<String, float[]> LARGEST = new ConcurrentHashMap<>();
  private static DlibResnetRecognizer recognizer;

  @BeforeAll
  static void open() {
    recognizer = DlibResnetRecognizer.open(SharedData.path("models/face-api-recognition"),
        MtcnnDetector.open(SharedData.path("models/mtcnn-facenet-pytorch"), MtcnnOptions.defaults()));
  }

  /** Small photos at full size; the large JPEGs decoded at 1/4, which keeps MTCNN's pyramid short. */
  private static Picture photo(String path) {
    return PHOTOS.computeIfAbsent(path, p -> {
      if (!p.endsWith(".jpg")) {
        return FaceFixtures.face(p);
      }
      Mat quarter = FaceFixtures.readMat("fixtures/faces/" + p, Imgcodecs.IMREAD_REDUCED_COLOR_4);
      Picture picture = FaceFixtures.toPicture(quarter, 0.25);
      quarter.release();
      return picture;
    });
  }

  private static float[] largestFace(String path) {
    return LARGEST.computeIfAbsent(path, p -> largestFace(photo(p)));
  }

  @AfterAll
  static void close() {
    recognizer.close();
  }

  /** The largest face of a photo, detected and embedded. */
  private static float[] largestFace(Picture picture) {
    DetectedFace face = recognizer.detect(picture).stream()
        .max(Comparator.comparingDouble(f -> f.box().area())).orElseThrow(() -> new AssertionError("no face found"));
    return recognizer.embed(picture, List.of(face)).get(0);
  }

  /** Grayscale and RGBA PNG photos go detect → align → embed, close to face-api.js on its chips. */
  @Test
  void pipelineFromPhotosMatchesFaceApiJsDescriptors() {
    for (String photo : new String[] {"face-api.js/people/amy/amy1.png", "face_recognition/examples/alex-lacamoire.png"}) {
      DlibReference.Crop crop = DlibReference.crops().stream().filter(c -> c.sourceImage().equals(photo)).findFirst()
          .orElseThrow();
      float[] mine = largestFace(photo);
      float[] reference = Vectors.normalizeInPlace(crop.descriptor().clone());
      double d = recognizer.distance(mine, reference);
      System.out.printf("%s: distance to face-api.js's unit descriptor %.4f%n", photo, d);
      assertThat(d).as(photo).isLessThan(0.05);
    }
  }

  @Test
  void decidesSameAndDifferentPeople() {
    float[] obama = largestFace("face_recognition/examples/obama.jpg");
    float[] obama2 = largestFace("face_recognition/examples/obama2.jpg");
    float[] biden = largestFace("face_recognition/examples/biden.jpg");
    assertThat(Vectors.dot(obama, obama)).isCloseTo(1f, Offset.offset(1e-5f));
    assertThat(recognizer.sameIdentity(obama, obama2)).isTrue();
    assertThat(recognizer.sameIdentity(obama, biden)).isFalse();
    assertThat(recognizer.threshold()).isEqualTo(0.40);
    assertThat(recognizer.info().dimension()).isEqualTo(128);
    assertThat(recognizer.info().revision()).startsWith("sha256:b413e420d684");
  }

  /** Faces cut by the left and by the right border: the chip reaches outside the photo and still matches. */
  @Test
  void facesAtTheBorderAreEmbedded() {
    float[] obama = largestFace("face_recognition/examples/obama.jpg");
    for (String photo : new String[] {"face_recognition/tests/test_images/obama_partial_face.jpg",
        "face_recognition/tests/test_images/obama_partial_face2.jpg"}) {
      float[] partial = largestFace(photo);
      double d = recognizer.distance(obama, partial);
      System.out.printf("%s: distance to obama.jpg %.4f%n", photo, d);
      assertThat(Vectors.dot(partial, partial)).isCloseTo(1f, Offset.offset(1e-5f));
      assertThat(d).as(photo).isLessThan(0.6);
    }
  }

  /** A face under 20 px (below MTCNN's minimum) still yields a unit vector from given landmarks. */
  @Test
  void tinyFaceFromLandmarksIsEmbedded() {
    Picture photo = photo("face_recognition/examples/alex-lacamoire.png");
    DetectedFace face = recognizer.detect(photo).get(0);
    double shrink = 15.0 / face.box().width();
    Picture small = shrink(photo, shrink);
    List<Point> landmarks = face.landmarks().stream()
        .map(p -> new Point((float) (p.x() * shrink), (float) (p.y() * shrink))).toList();
    DetectedFace tiny = new DetectedFace(new BoundingBox(0, 0, 15, 15), landmarks, face.score());
    float[] v = recognizer.embed(small, List.of(tiny)).get(0);
    assertThat(Vectors.dot(v, v)).isCloseTo(1f, Offset.offset(1e-5f));
  }

  /** Landmarks are full-size coordinates; a picture decoded at half scale gives nearly the same vector. */
  @Test
  void reducedScalePictureIsAlignedInFullSizeCoordinates() {
    Picture photo = photo("face-api.js/people/amy/amy1.png");
    DetectedFace face = recognizer.detect(photo).get(0);
    Mat halfMat = FaceFixtures.readMat("fixtures/faces/face-api.js/people/amy/amy1.png",
        Imgcodecs.IMREAD_REDUCED_COLOR_2);
    Picture half = FaceFixtures.toPicture(halfMat, 0.5);
    halfMat.release();
    float[] full = recognizer.embed(photo, List.of(face)).get(0);
    float[] reduced = recognizer.embed(half, List.of(face)).get(0);
    double d = recognizer.distance(full, reduced);
    System.out.printf("half-scale decode: distance %.4f%n", d);
    assertThat(d).isLessThan(0.1);
  }

  @Test
  void faceWithoutLandmarksIsRefused() {
    Picture photo = photo("face-api.js/people/amy/amy1.png");
    DetectedFace bare = new DetectedFace(new BoundingBox(10, 10, 50, 50), List.of(), 0.9f);
    assertThatThrownBy(() -> recognizer.embed(photo, List.of(bare))).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("five landmarks");
    assertThat(recognizer.embed(photo, List.of())).isEmpty();
  }

  /** Nearest-neighbour shrink to a picture of {@code factor} times the size, at scale 1 (a new, small photo). */
  private static Picture shrink(Picture p, double factor) {
    int w = Math.max(1, (int) (p.width() * factor));
    int h = Math.max(1, (int) (p.height() * factor));
    byte[] rgb = new byte[w * h * 3];
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        int sx = Math.min(p.width() - 1, (int) ((x + 0.5) / factor));
        int sy = Math.min(p.height() - 1, (int) ((y + 0.5) / factor));
        for (int c = 0; c < 3; c++) {
          rgb[(y * w + x) * 3 + c] = (byte) p.sample(sx, sy, c);
        }
      }
    }
    return Picture.ofRgb(w, h, rgb);
  }
}
