package dev.findmypic.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.findmypic.core.DetectedFace;
import dev.findmypic.core.FaceRecognizer;
import dev.findmypic.core.ModelRole;
import dev.findmypic.core.ModelSettings;
import dev.findmypic.core.Picture;
import dev.findmypic.core.store.ModelRef;
import dev.findmypic.core.store.ResolvedModel;
import dev.findmypic.core.testing.SharedData;
import dev.findmypic.models.face.FaceFixtures;
import dev.findmypic.models.face.sface.SFaceRecognizer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fast tier as {@code --model faces=DIR} or the {@code yunet-sface} set opens it: a directory with YuNet and an
 * SFace-shaped model (the 2 KB stand-in of {@code tools/make_sface_test_model.py} under SFace's file name).
 */
class FaceRecognizersSFaceTest {
  @TempDir Path dir;

  private Path fastTierDirectory() throws Exception {
    Files.createSymbolicLink(dir.resolve("face_detection_yunet_2023mar.onnx"),
        SharedData.path("models/yunet/face_detection_yunet_2026may.onnx"));
    Files.copy(Path.of(getClass().getResource("/face/sface/weighted_channel_means.onnx").toURI()),
        dir.resolve("face_recognition_sface_2021dec.onnx"));
    return dir;
  }

  @Test
  void opensYuNetPlusSFaceFromALocalDirectory() throws Exception {
    ResolvedModel local = new ResolvedModel(new ModelRef.Local(fastTierDirectory()), dir, "local",
        ResolvedModel.Source.LOCAL);
    try (FaceRecognizer faces = FaceRecognizers.open(List.of(local))) {
      assertThat(faces).isInstanceOf(SFaceRecognizer.class);
      assertThat(faces.info().id()).isEqualTo("opencv-zoo/face_recognition_sface_2021dec");
      assertThat(faces.info().dimension()).isEqualTo(128);
      assertThat(faces.threshold()).isEqualTo(1.128);
      Picture bbt4 = FaceFixtures.face("face-api.js/bbt/bbt4.jpg");
      List<DetectedFace> found = faces.detect(bbt4);
      assertThat(found).hasSize(6);
      List<float[]> vectors = faces.embed(bbt4, found);
      assertThat(vectors).hasSize(6).allSatisfy(v -> {
        assertThat(v).hasSize(128);
        double norm = 0;
        for (float x : v) {
          norm += x * x;
        }
        assertThat(Math.sqrt(norm)).isCloseTo(1.0, within(1e-5));
      });
      assertThat(faces.sameIdentity(vectors.get(0), vectors.get(0))).isTrue();
      assertThat(faces.sameIdentity(vectors.get(0), negated(vectors.get(0)))).isFalse();
    }
  }

  @Test
  void theProviderOpensTheFastTierFromAModelFacesDirectory(@TempDir Path dataDir) throws Exception {
    ModelSettings settings = new ModelSettings(dataDir, Map.of(ModelRole.FACES, fastTierDirectory().toString()), true,
        2);
    try (FaceRecognizer faces = new DjlModelProvider().openFaceRecognizer(settings)) {
      assertThat(faces).isInstanceOf(SFaceRecognizer.class);
      // the revision is the model file's sha256, so replacing the file changes the index's model key
      byte[] digest = MessageDigest.getInstance("SHA-256")
          .digest(Files.readAllBytes(dir.resolve("face_recognition_sface_2021dec.onnx")));
      assertThat(faces.info().revision()).isEqualTo("sha256:" + HexFormat.of().formatHex(digest));
      assertThat(faces.detect(FaceFixtures.face("face-api.js/bbt/bbt4.jpg"))).hasSize(6);
    }
  }

  @Test
  void sfaceTakesYuNetEvenWhenMtcnnSharesTheDataDirectory() throws Exception {
    fastTierDirectory();
    for (String net : List.of("pnet.pt", "rnet.pt", "onet.pt")) {
      Files.createSymbolicLink(dir.resolve(net), SharedData.path("models/mtcnn-facenet-pytorch/" + net));
    }
    ResolvedModel local = new ResolvedModel(new ModelRef.Local(dir), dir, "local", ResolvedModel.Source.LOCAL);
    try (FaceRecognizer faces = FaceRecognizers.open(List.of(local))) {
      // MTCNN finds 2 faces in obama.jpg (facenet-pytorch's own count), YuNet the 1 that is there
      assertThat(faces.detect(FaceFixtures.face("face_recognition/examples/obama.jpg"))).hasSize(1);
    }
  }

  private static float[] negated(float[] v) {
    float[] n = new float[v.length];
    for (int i = 0; i < v.length; i++) {
      n[i] = -v[i];
    }
    return n;
  }
}
