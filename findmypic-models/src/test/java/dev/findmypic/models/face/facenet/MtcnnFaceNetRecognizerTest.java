package dev.findmypic.models.face.facenet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.findmypic.core.DetectedFace;
import dev.findmypic.core.Modality;
import dev.findmypic.core.ModelInfo;
import dev.findmypic.core.Picture;
import dev.findmypic.core.testing.SharedData;
import dev.findmypic.models.checkpoint.Checkpoint;
import dev.findmypic.models.checkpoint.Checkpoints;
import dev.findmypic.models.checkpoint.DeterministicWeights;
import dev.findmypic.models.checkpoint.TensorArrays;
import dev.findmypic.models.face.FaceFixtures;
import dev.findmypic.models.face.mtcnn.MtcnnDetector;
import dev.findmypic.models.face.mtcnn.MtcnnOptions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.opencv.imgcodecs.Imgcodecs;

/**
 * The whole seed pipeline on a real photo: our MTCNN boxes, facenet-pytorch's crop and FaceNet with the deterministic
 * weights give the embeddings facenet-pytorch computed for the same faces ({@code crop_embeddings} 0-3, bbt1.jpg).
 */
class MtcnnFaceNetRecognizerTest {
  @Test
  void embedsTheFacesOfAPhotoAsFacenetPytorch() {
    ModelInfo info = new ModelInfo("facenet-pytorch/deterministic-test-weights", "DETERMINISTIC_WEIGHTS.md", 512,
        Set.of(Modality.IMAGE));
    try (MtcnnFaceNetRecognizer recognizer = new MtcnnFaceNetRecognizer(
            MtcnnDetector.open(SharedData.path("models/mtcnn-facenet-pytorch"), MtcnnOptions.defaults()),
            FaceNetEmbedder.open(DeterministicWeights.fromKeys(
                SharedData.path("reference/facenet-mtcnn/state_dict_keys.txt")), 0),
            info, MtcnnFaceNetRecognizer.DEFAULT_THRESHOLD);
        Checkpoint reference = Checkpoints.open(SharedData.path("reference/facenet-mtcnn/reference.safetensors"))) {
      Picture picture = FaceFixtures.read("fixtures/faces/face-api.js/bbt/bbt1.jpg",
          Imgcodecs.IMREAD_COLOR | Imgcodecs.IMREAD_IGNORE_ORIENTATION);
      List<DetectedFace> faces = new ArrayList<>(recognizer.detect(picture));
      assertThat(faces).hasSize(4);
      faces.sort(Comparator.comparingDouble((DetectedFace f) -> f.box().area()).reversed());
      List<float[]> vectors = recognizer.embed(picture, faces);
      float[] expected = TensorArrays.toFloats(reference.get("crop_embeddings"));
      for (int i = 0; i < 4; i++) {
        float[] v = vectors.get(i);
        assertThat(v).hasSize(512);
        assertThat(Math.sqrt(dot(v, v))).isCloseTo(1.0, within(1e-5));
        for (int k = 0; k < 512; k++) {
          assertThat(v[k]).as("face %d element %d", i, k).isCloseTo(expected[i * 512 + k], within(1e-4f));
        }
      }
      assertThat(recognizer.distance(vectors.get(0), vectors.get(0))).isZero();
      assertThat(recognizer.sameIdentity(vectors.get(1), vectors.get(1))).isTrue();
      assertThat(recognizer.threshold()).isEqualTo(1.04);
      assertThat(recognizer.info()).isEqualTo(info);
    }
  }

  private static double dot(float[] a, float[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += a[i] * b[i];
    }
    return s;
  }
}
