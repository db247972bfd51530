package dev.findmypic.models;

import static org.assertj.core.api.Assertions.assertThat;

import dev.findmypic.core.BoundingBox;
import dev.findmypic.core.DetectedFace;
import dev.findmypic.core.FaceRecognizer;
import dev.findmypic.core.Picture;
import dev.findmypic.core.store.ModelRef;
import dev.findmypic.core.store.ResolvedModel;
import dev.findmypic.core.testing.SharedData;
import dev.findmypic.models.face.FaceFixtures;
import dev.findmypic.models.face.dlib.DlibResnetRecognizer;
import dev.findmypic.models.face.yunet.YuNetDetector;
import dev.findmypic.models.face.yunet.YuNetOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A faces directory holding both detectors: dlib's ResNet is paired with YuNet, not MTCNN. */
class FaceRecognizersDetectorChoiceTest {
  @Test
  void dlibResnetTakesYuNetWhenMtcnnIsThereToo(@TempDir Path dir) throws Exception {
    for (String net : List.of("pnet.pt", "rnet.pt", "onet.pt")) {
      Files.createSymbolicLink(dir.resolve(net), SharedData.path("models/mtcnn-facenet-pytorch/" + net));
    }
    Path yunet = SharedData.path("models/yunet/face_detection_yunet_2026may.onnx");
    Files.createSymbolicLink(dir.resolve("face_detection_yunet_2023mar.onnx"), yunet);
    for (String f : List.of("face_recognition_model-weights_manifest.json", "face_recognition_model.bin")) {
      Files.createSymbolicLink(dir.resolve(f), SharedData.path("models/face-api-recognition/" + f));
    }
    ResolvedModel local = new ResolvedModel(new ModelRef.Local(dir), dir, "local", ResolvedModel.Source.LOCAL);
    Picture group = FaceFixtures.face("face-api.js/bbt/bbt4.jpg");
    List<BoundingBox> expected;
    try (YuNetDetector alone = YuNetDetector.open(yunet, YuNetOptions.defaults())) {
      expected = alone.detect(group).stream().map(DetectedFace::box).toList();
    }
    try (FaceRecognizer faces = FaceRecognizers.open(List.of(local))) {
      assertThat(faces).isInstanceOf(DlibResnetRecognizer.class);
      assertThat(faces.detect(group).stream().map(DetectedFace::box).toList())
          .hasSize(6).containsExactlyElementsOf(expected);
    }
  }
}
