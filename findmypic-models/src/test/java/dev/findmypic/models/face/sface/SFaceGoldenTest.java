package dev.findmypic.models.face.sface;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.findmypic.core.DetectedFace;
import dev.findmypic.core.Picture;
import dev.findmypic.core.Vectors;
import dev.findmypic.models.face.FaceFixtures;
import dev.findmypic.models.face.yunet.YuNetDetector;
import dev.findmypic.models.face.yunet.YuNetOptions;
import dev.findmypic.models.store.ModelCatalog;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The real SFace weights on real faces: dlib's 5 identities × 11 face chips from {@code fixtures/faces/dlib}. Needs
 * {@code face_recognition_sface_2021dec.onnx} with the catalogue's sha256, given by
 * {@code -Dfindmypic.sface.model=PATH} (a run with {@code --model faces=yunet-sface} online downloads it into
 * {@code <data dir>/models}); the weights are not in {@code ../shared}, so without it the test is skipped and
 * says why.
 */
class SFaceGoldenTest {
  @Test
  void separatesTheFiveJohnsAtOpenCvsThreshold() throws Exception {
    String property = System.getProperty("findmypic.sface.model");
    if (property == null || !Files.isRegularFile(Path.of(property))) {
      String why = "SFaceGoldenTest skipped: the real SFace weights (face_recognition_sface_2021dec.onnx, 38 MB) are"
          + " not in ../shared; run with -Dfindmypic.sface.model=PATH to check them";
      System.out.println(why);
      Assumptions.abort(why);
    }
    Path model = Path.of(property);
    assertThat(sha256(model)).as("the file is OpenCV Zoo's SFace 2021dec")
        .isEqualTo(ModelCatalog.SFACE_2021DEC.files().get(0).sha256());
    List<String> identities = new ArrayList<>();
    List<float[]> vectors = new ArrayList<>();
    try (YuNetDetector yunet = YuNetDetector.open(SFaceEmbedderTest.yunetModel(), YuNetOptions.defaults());
        SFaceEmbedder sface = SFaceEmbedder.open(model)) {
      for (FaceFixtures.Label label : FaceFixtures.labels()) {
        if (!label.path().startsWith("dlib/examples/johns/")) {
          continue;
        }
        Picture chip = FaceFixtures.face(label.path());
        List<DetectedFace> faces = yunet.detect(chip);
        assertThat(faces).as(label.path()).isNotEmpty();
        identities.add(label.path().split("/")[3]);
        vectors.add(sface.embed(chip, faces.subList(0, 1)).get(0));
      }
    }
    assertThat(vectors).hasSize(55);
    int right = 0;
    int pairs = 0;
    int rank1 = 0;
    for (int i = 0; i < vectors.size(); i++) {
      double nearest = Double.MAX_VALUE;
      int nearestIndex = -1;
      for (int j = 0; j < vectors.size(); j++) {
        if (i == j) {
          continue;
        }
        double d = Vectors.euclidean(vectors.get(i), vectors.get(j));
        assertThat(1 - d * d / 2).as("cosine and L2 agree on unit vectors")
            .isCloseTo(Vectors.dot(vectors.get(i), vectors.get(j)), within(1e-4));
        if (d < nearest) {
          nearest = d;
          nearestIndex = j;
        }
        if (j > i) {
          pairs++;
          boolean same = identities.get(i).equals(identities.get(j));
          right += (d <= SFaceRecognizer.DEFAULT_THRESHOLD) == same ? 1 : 0;
        }
      }
      rank1 += identities.get(i).equals(identities.get(nearestIndex)) ? 1 : 0;
    }
    System.out.printf("SFace on the 55 johns: rank-1 %d/55, pair accuracy at %.3f: %.3f%n", rank1,
        SFaceRecognizer.DEFAULT_THRESHOLD, right / (double) pairs);
    // SFace scores 99.4 % on LFW (OpenCV Zoo); these small, 150 px chips are harder, so the bar is modest
    assertThat(rank1).isGreaterThanOrEqualTo(45);
    assertThat(right / (double) pairs).isGreaterThan(0.85);
  }

  private static String sha256(Path file) throws Exception {
    MessageDigest digest = MessageDigest.getInstance("SHA-256");
    try (InputStream in = Files.newInputStream(file)) {
      byte[] buffer = new byte[1 << 16];
      for (int n = in.read(buffer); n > 0; n = in.read(buffer)) {
        digest.update(buffer, 0, n);
      }
    }
    return HexFormat.of().formatHex(digest.digest());
  }
}
