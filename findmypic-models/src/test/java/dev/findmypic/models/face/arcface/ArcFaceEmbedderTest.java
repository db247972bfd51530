package dev.findmypic.models.face.arcface;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.findmypic.core.BoundingBox;
import dev.findmypic.core.DetectedFace;
import dev.findmypic.core.ModelException;
import dev.findmypic.core.Picture;
import dev.findmypic.core.Point;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * No ArcFace or SFace weights exist for the tests, so this checks what can be checked without them: the alignment
 * onto insightface's template, the input normalisation, the ONNX Runtime plumbing and the output shape, using a tiny
 * stand-in model (made by {@code tools/make_arcface_test_model.py}) whose output is the mean of each input channel.
 */
class ArcFaceEmbedderTest {
  private static final double ANGLE = Math.toRadians(25);
  private static final double SCALE = 2.5;

  /** The template moved by a known similarity: where a tilted face's landmarks lie in a 400×400 picture. */
  private static List<Point> tiltedLandmarks() {
    List<Point> points = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      double x = ArcFaceAligner.TEMPLATE[2 * i];
      double y = ArcFaceAligner.TEMPLATE[2 * i + 1];
      points.add(new Point((float) (SCALE * (Math.cos(ANGLE) * x - Math.sin(ANGLE) * y) + 150),
          (float) (SCALE * (Math.sin(ANGLE) * x + Math.cos(ANGLE) * y) + 20)));
    }
    return points;
  }

  /** A black picture with a white 5×5 square at each landmark (and a red tint in one corner). */
  private static Picture dots(List<Point> landmarks) {
    int size = 400;
    byte[] rgb = new byte[size * size * 3];
    for (Point p : landmarks) {
      for (int y = Math.round(p.y()) - 2; y <= Math.round(p.y()) + 2; y++) {
        for (int x = Math.round(p.x()) - 2; x <= Math.round(p.x()) + 2; x++) {
          for (int c = 0; c < 3; c++) {
            rgb[(y * size + x) * 3 + c] = (byte) 255;
          }
        }
      }
    }
    return Picture.ofRgb(size, size, rgb);
  }

  @Test
  void fitsTheSimilarityThatMapsLandmarksOntoTheTemplate() {
    SimilarityTransform t = ArcFaceAligner.toCrop(tiltedLandmarks());
    List<Point> landmarks = tiltedLandmarks();
    for (int i = 0; i < 5; i++) {
      Point p = landmarks.get(i);
      assertThat(t.x(p.x(), p.y())).isCloseTo(ArcFaceAligner.TEMPLATE[2 * i], within(1e-3));
      assertThat(t.y(p.x(), p.y())).isCloseTo(ArcFaceAligner.TEMPLATE[2 * i + 1], within(1e-3));
    }
    assertThat(Math.hypot(t.a(), t.b())).isCloseTo(1 / SCALE, within(1e-6));
    assertThat(Math.atan2(t.b(), t.a())).isCloseTo(-ANGLE, within(1e-6));
  }

  @Test
  void warpsEachLandmarkOntoItsTemplatePoint() {
    List<Point> landmarks = tiltedLandmarks();
    Picture picture = dots(landmarks);
    float[] crop = ArcFaceAligner.warp(picture.copyRgb(), 400, 400, ArcFaceAligner.toCrop(landmarks));
    for (int i = 0; i < 5; i++) {
      int u = (int) Math.round(ArcFaceAligner.TEMPLATE[2 * i]);
      int v = (int) Math.round(ArcFaceAligner.TEMPLATE[2 * i + 1]);
      assertThat(crop[(v * 112 + u) * 3]).as("landmark %d", i).isGreaterThan(200f);
    }
    assertThat(crop[(20 * 112 + 56) * 3]).as("forehead").isZero();
  }

  @Test
  void embedsThroughOnnxRuntimeWithTheModelsNormalisation() throws Exception {
    List<Point> landmarks = tiltedLandmarks();
    Picture picture = dots(landmarks);
    DetectedFace face = new DetectedFace(new BoundingBox(100, 0, 300, 300), landmarks, 0.9f);
    try (ArcFaceEmbedder embedder = ArcFaceEmbedder.open(model(), ArcFaceOptions.insightface())) {
      float[] input = embedder.inputs(picture, List.of(face, face));
      assertThat(input).hasSize(2 * 3 * 112 * 112);
      List<float[]> vectors = embedder.embed(picture, List.of(face, face));
      assertThat(vectors).hasSize(2);
      double[] means = new double[3];
      for (int c = 0; c < 3; c++) {
        for (int i = 0; i < 112 * 112; i++) {
          means[c] += input[c * 112 * 112 + i];
        }
        means[c] /= 112 * 112;
      }
      double norm = Math.sqrt(means[0] * means[0] + means[1] * means[1] + means[2] * means[2]);
      for (float[] v : vectors) {
        assertThat(v).hasSize(3);
        for (int c = 0; c < 3; c++) {
          assertThat((double) v[c]).isCloseTo(means[c] / norm, within(1e-5));
        }
      }
      // mostly black after (x - 127.5) / 127.5: every channel mean near -1
      assertThat(means[0]).isBetween(-1.0, -0.9);
      assertThat(embedder.embed(picture, List.of())).isEmpty();
    }
  }

  @Test
  void feedsBgrWhenAsked() throws Exception {
    byte[] rgb = new byte[200 * 200 * 3];
    for (int i = 0; i < rgb.length; i += 3) {
      rgb[i] = (byte) 200;
    }
    Picture red = Picture.ofRgb(200, 200, rgb);
    List<Point> landmarks = List.of(new Point(70, 90), new Point(130, 90), new Point(100, 120), new Point(75, 150),
        new Point(125, 150));
    DetectedFace face = new DetectedFace(new BoundingBox(40, 40, 120, 140), landmarks, 1f);
    try (ArcFaceEmbedder embedder = ArcFaceEmbedder.open(model(), new ArcFaceOptions(0f, 1f, true))) {
      float[] input = embedder.inputs(red, List.of(face));
      int plane = 112 * 112;
      assertThat(input[2 * plane + 56 * 112 + 56]).as("red in the third (R of BGR) plane").isEqualTo(200f);
      assertThat(input[56 * 112 + 56]).isZero();
    }
  }

  @Test
  void namesAMissingModel() {
    Path missing = Path.of("no-such-dir/arcface.onnx");
    assertThatThrownBy(() -> ArcFaceEmbedder.open(missing, ArcFaceOptions.insightface()))
        .isInstanceOf(ModelException.class).hasMessageContaining("arcface.onnx");
  }

  private static Path model() throws URISyntaxException {
    return Path.of(ArcFaceEmbedderTest.class.getResource("/face/arcface/channel_mean.onnx").toURI());
  }
}
