package dev.findmypic.models.face.sface;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.findmypic.core.DetectedFace;
import dev.findmypic.core.ModelException;
import dev.findmypic.core.Picture;
import dev.findmypic.core.Point;
import dev.findmypic.core.Vectors;
import dev.findmypic.core.testing.SharedData;
import dev.findmypic.models.face.FaceFixtures;
import dev.findmypic.models.face.yunet.YuNetDetector;
import dev.findmypic.models.face.yunet.YuNetOptions;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * OpenCV's {@code FaceRecognizerSF} path with YuNet's landmarks on real photos. The real SFace weights are not
 * available here, so the network is a 2 KB stand-in of the same I/O shape ({@code tools/make_sface_test_model.py}):
 * output {@code o} is {@code sum_c W[o][c] * mean(channel c)} with {@code W[o][c] = ((7o + 3c) mod 11) - 5}, which the
 * test computes by hand from the aligned crop. {@link SFaceGoldenTest} covers the real weights.
 */
class SFaceEmbedderTest {
  /** Single portraits of different people, sizes and poses. */
  private static final List<String> PORTRAITS = List.of("face-api.js/people/amy/amy1.png",
      "face_recognition/examples/obama.jpg", "face-api.js/people/sheldon/sheldon3.png",
      "facenet-pytorch/test_images/kate_siegel/1.jpg");

  private static YuNetDetector yunet;
  private static SFaceEmbedder embedder;

  @BeforeAll
  static void open() throws URISyntaxException {
    yunet = YuNetDetector.open(yunetModel(), YuNetOptions.defaults());
    embedder = SFaceEmbedder.open(standIn());
  }

  @AfterAll
  static void close() {
    yunet.close();
    embedder.close();
  }

  static Path yunetModel() {
    return SharedData.path("models/yunet/face_detection_yunet_2026may.onnx");
  }

  static Path standIn() throws URISyntaxException {
    return Path.of(SFaceEmbedderTest.class.getResource("/face/sface/weighted_channel_means.onnx").toURI());
  }

  private static DetectedFace firstFace(Picture picture) {
    List<DetectedFace> faces = yunet.detect(picture);
    assertThat(faces).as("YuNet finds the portrait's face").isNotEmpty();
    return faces.get(0);
  }

  /** A black picture of the photo's size, with a white 5×5 square on each of the face's landmarks. */
  private static Picture markers(Picture photo, List<Point> landmarks) {
    byte[] rgb = new byte[photo.width() * photo.height() * 3];
    for (Point p : landmarks) {
      for (int y = Math.round(p.y()) - 2; y <= Math.round(p.y()) + 2; y++) {
        for (int x = Math.round(p.x()) - 2; x <= Math.round(p.x()) + 2; x++) {
          for (int c = 0; c < 3; c++) {
            rgb[(y * photo.width() + x) * 3 + c] = (byte) 255;
          }
        }
      }
    }
    return Picture.ofRgb(photo.width(), photo.height(), rgb);
  }

  /** insightface's ArcFace template for 112×112, written out here independently of the code under test. */
  private static final double[][] ARCFACE_TEMPLATE = {
      {38.2946, 51.6963}, {73.5318, 51.5014}, {56.0252, 71.7366}, {41.5493, 92.3655}, {70.7299, 92.2041}};

  @Test
  void alignsYuNetsLandmarksOntoTheArcFaceTemplate() {
    for (String path : PORTRAITS) {
      Picture photo = FaceFixtures.face(path);
      DetectedFace face = firstFace(photo);
      byte[] crop = embedder.alignedCrop(markers(photo, face.landmarks()), face);
      assertThat(crop).hasSize(112 * 112 * 3);
      double[] fit = leastSquaresSimilarity(face.landmarks());
      for (int i = 0; i < 5; i++) {
        double[] centroid = brightCentroid(crop, ARCFACE_TEMPLATE[i][0], ARCFACE_TEMPLATE[i][1], 12);
        Point p = face.landmarks().get(i);
        double u = fit[0] * p.x() - fit[1] * p.y() + fit[2];
        double v = fit[1] * p.x() + fit[0] * p.y() + fit[3];
        assertThat(Math.hypot(centroid[0] - u, centroid[1] - v))
            .as("%s landmark %d lands where the best similarity puts it", path, i).isLessThan(1.0);
        if (i < 2) {
          assertThat(Math.hypot(centroid[0] - ARCFACE_TEMPLATE[i][0], centroid[1] - ARCFACE_TEMPLATE[i][1]))
              .as("%s eye %d at (%.1f, %.1f)", path, i, centroid[0], centroid[1]).isLessThan(4.0);
        }
      }
    }
  }

  /**
   * The least-squares similarity (no reflection) from the landmarks onto the template, {@code u = a x - b y + tx},
   * {@code v = b x + a y + ty}, in closed form: the test's own oracle for where OpenCV's warp should put each point.
   */
  private static double[] leastSquaresSimilarity(List<Point> landmarks) {
    double mx = 0;
    double my = 0;
    double mu = 0;
    double mv = 0;
    for (int i = 0; i < 5; i++) {
      mx += landmarks.get(i).x() / 5.0;
      my += landmarks.get(i).y() / 5.0;
      mu += ARCFACE_TEMPLATE[i][0] / 5.0;
      mv += ARCFACE_TEMPLATE[i][1] / 5.0;
    }
    double norm = 0;
    double dot = 0;
    double cross = 0;
    for (int i = 0; i < 5; i++) {
      double x = landmarks.get(i).x() - mx;
      double y = landmarks.get(i).y() - my;
      double u = ARCFACE_TEMPLATE[i][0] - mu;
      double v = ARCFACE_TEMPLATE[i][1] - mv;
      norm += x * x + y * y;
      dot += x * u + y * v;
      cross += x * v - y * u;
    }
    double a = dot / norm;
    double b = cross / norm;
    return new double[] {a, b, mu - (a * mx - b * my), mv - (b * mx + a * my)};
  }

  /** The centroid of the bright pixels in a square window of the crop around (u, v). */
  private static double[] brightCentroid(byte[] bgr, double u, double v, int radius) {
    double sx = 0;
    double sy = 0;
    double sw = 0;
    for (int y = (int) v - radius; y <= (int) v + radius; y++) {
      for (int x = (int) u - radius; x <= (int) u + radius; x++) {
        int w = bgr[(y * 112 + x) * 3 + 1] & 0xFF;
        sx += w * x;
        sy += w * y;
        sw += w;
      }
    }
    assertThat(sw).as("a marker near (%.0f, %.0f)", u, v).isGreaterThan(0);
    return new double[] {sx / sw, sy / sw};
  }

  @Test
  void feedsTheAlignedCropToTheNetworkAsOpenCvDoesAndNormalises() {
    Picture photo = FaceFixtures.face(PORTRAITS.get(0));
    DetectedFace face = firstFace(photo);
    byte[] crop = embedder.alignedCrop(photo, face);
    // OpenCV's feature() runs blobFromImage(crop, 1, 112x112, 0, swapRB=true): planes R, G, B of raw 0..255 values
    double[] rgbMeans = new double[3];
    for (int i = 0; i < 112 * 112; i++) {
      for (int c = 0; c < 3; c++) {
        rgbMeans[c] += crop[i * 3 + (2 - c)] & 0xFF;
      }
    }
    float[] expected = new float[128];
    for (int o = 0; o < 128; o++) {
      for (int c = 0; c < 3; c++) {
        expected[o] += (float) ((((7 * o + 3 * c) % 11) - 5) * rgbMeans[c] / (112 * 112));
      }
    }
    Vectors.normalizeInPlace(expected);
    List<float[]> vectors = embedder.embed(photo, List.of(face, face));
    assertThat(vectors).hasSize(2);
    for (float[] v : vectors) {
      assertThat(v).hasSize(128);
      for (int o = 0; o < 128; o++) {
        assertThat(v[o]).as("component %d", o).isCloseTo(expected[o], within(1e-5f));
      }
    }
    assertThat(embedder.embed(photo, List.of())).isEmpty();
  }

  @Test
  void usesTheLandmarksOfADownscaledPictureInItsOwnPixels() {
    Picture full = FaceFixtures.face(PORTRAITS.get(1));
    DetectedFace face = firstFace(full);
    Picture half = FaceFixtures.toPicture(FaceFixtures.readMat("fixtures/faces/" + PORTRAITS.get(1),
        org.opencv.imgcodecs.Imgcodecs.IMREAD_REDUCED_COLOR_2), 0.5);
    float[] fromFull = embedder.embed(full, List.of(face)).get(0);
    float[] fromHalf = embedder.embed(half, List.of(face)).get(0);
    // the same face region at half resolution: measured 0.0014; landmarks left unscaled give 0.18, and landmarks
    // 40 px off give 0.057
    assertThat(Vectors.euclidean(fromFull, fromHalf)).isLessThan(0.01);
  }

  @Test
  void namesAMissingOrCorruptModelAndRejectsFacesWithoutLandmarks(@TempDir Path dir) throws Exception {
    Path missing = dir.resolve("absent.onnx");
    assertThatThrownBy(() -> SFaceEmbedder.open(missing))
        .isInstanceOf(ModelException.class).hasMessageContaining(missing.toString());
    Path corrupt = Files.write(dir.resolve("corrupt.onnx"), new byte[] {1, 2, 3, 4});
    assertThatThrownBy(() -> SFaceEmbedder.open(corrupt))
        .isInstanceOf(ModelException.class).hasMessageContaining(corrupt.toString());
    Picture photo = FaceFixtures.face(PORTRAITS.get(0));
    DetectedFace noLandmarks = new DetectedFace(firstFace(photo).box(), List.of(), 0.9f);
    assertThatThrownBy(() -> embedder.embed(photo, List.of(noLandmarks)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("5 landmarks");
  }
}
