package dev.findmypic.models.face.facenet;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.findmypic.core.Picture;
import dev.findmypic.core.testing.SharedData;
import dev.findmypic.models.checkpoint.Checkpoint;
import dev.findmypic.models.checkpoint.Checkpoints;
import dev.findmypic.models.checkpoint.DeterministicWeights;
import dev.findmypic.models.checkpoint.TensorArrays;
import dev.findmypic.models.face.FaceFixtures;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.opencv.imgcodecs.Imgcodecs;

/**
 * InceptionResnetV1 with the deterministic weights of {@code reference/DETERMINISTIC_WEIGHTS.md} against
 * facenet-pytorch's outputs ({@code reference/facenet-mtcnn/reference.safetensors}), the face crops against
 * {@code crops.safetensors}, and the two small checkpoints against their expected tensors.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FaceNetParityTest {
  private static final double TOLERANCE = 1e-4;

  private Checkpoint reference;
  private FaceNetEmbedder embedder;

  @BeforeAll
  void load() {
    reference = Checkpoints.open(SharedData.path("reference/facenet-mtcnn/reference.safetensors"));
    embedder = FaceNetEmbedder.open(
        DeterministicWeights.fromKeys(SharedData.path("reference/facenet-mtcnn/state_dict_keys.txt")), 0);
  }

  @AfterAll
  void close() {
    embedder.close();
    reference.close();
  }

  @Test
  void regeneratesTheWorkedExamplesOfTheWeightRule() {
    DeterministicWeights weights =
        DeterministicWeights.fromKeys(SharedData.path("reference/facenet-mtcnn/state_dict_keys.txt"));
    float[] conv = TensorArrays.toFloats(weights.get("conv2d_1a.conv.weight"));
    assertThat(conv).startsWith(0.29086635f, -0.03020532f, -0.18567288f, -0.10142316f, -0.21455467f);
    assertThat(TensorArrays.toFloats(weights.get("last_linear.weight")))
        .startsWith(-0.031990033f, -0.03731345f, -0.018536588f, 0.0037270715f, 0.008081673f);
    assertThat(DeterministicWeights.input("input.0", 5))
        .containsExactly(0.2116276f, -0.62247217f, -0.17237072f, -0.9551961f, -0.12760366f);
    for (String name : List.of("conv2d_1a.conv.weight", "conv2d_1a.bn.weight", "conv2d_1a.bn.bias",
        "conv2d_1a.bn.running_mean", "conv2d_1a.bn.running_var")) {
      assertThat(TensorArrays.toFloats(weights.get(name))).as(name)
          .containsExactly(TensorArrays.toFloats(reference.get("partial." + name)));
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"partial_legacy.pt", "partial_zip.pt"})
  void readsTheSmallTorchCheckpoints(String file) {
    try (Checkpoint partial = Checkpoints.open(SharedData.path("reference/facenet-mtcnn/" + file))) {
      assertThat(partial.names()).hasSize(6);
      for (String name : partial.names()) {
        if (!name.endsWith("num_batches_tracked")) {
          assertThat(TensorArrays.toFloats(partial.get(name))).as(file + " " + name)
              .containsExactly(TensorArrays.toFloats(reference.get("partial." + name)));
        }
      }
    }
  }

  @Test
  void embedsTheDeterministicInputsAsFacenetPytorch() {
    float[] inputs = TensorArrays.toFloats(reference.get("det_inputs"));
    assertThat(inputs).startsWith(DeterministicWeights.input("input.0", 5));
    Map<String, float[]> taps = new HashMap<>();
    try (NDManager scope = embedder.manager().newSubManager()) {
      NDArray x = scope.create(inputs, new Shape(3, 3, 160, 160));
      NDArray out = embedder.network().forward(x, (name, value) -> taps.put(name,
          name.equals("last_bn") ? value.toFloatArray() : value.get(0).expandDims(0).toFloatArray()));
      report("det_embeddings", out.toFloatArray(), TensorArrays.toFloats(reference.get("det_embeddings")));
    }
    report("det_last_bn", taps.get("last_bn"), TensorArrays.toFloats(reference.get("det_last_bn")));
    for (String stage : List.of("after_conv2d_4b", "after_repeat_1", "after_mixed_6a", "after_repeat_2",
        "after_block8")) {
      report(stage, taps.get(stage), TensorArrays.toFloats(reference.get("det_input0." + stage)));
    }
  }

  @Test
  void embedsTheReferenceCropsAsABatchOfTen() {
    try (Checkpoint crops = Checkpoints.open(SharedData.path("reference/facenet-mtcnn/crops.safetensors"))) {
      List<float[]> vectors = embedder.embedCrops(TensorArrays.toFloats(crops.get("crops")), 10);
      float[] flat = new float[10 * 512];
      for (int i = 0; i < 10; i++) {
        System.arraycopy(vectors.get(i), 0, flat, i * 512, 512);
      }
      report("crop_embeddings", flat, TensorArrays.toFloats(reference.get("crop_embeddings")));
    }
  }

  @Test
  void cropsFacesExactlyAsFacenetPytorch() {
    try (Checkpoint crops = Checkpoints.open(SharedData.path("reference/facenet-mtcnn/crops.safetensors"))) {
      float[] expected = TensorArrays.toFloats(crops.get("crops"));
      float[] boxes = TensorArrays.toFloats(crops.get("boxes_float"));
      float[] intBoxes = TensorArrays.toFloats(crops.get("crop_boxes_int"));
      String[] images = {"bbt1", "bbt1", "bbt1", "bbt1", "bbt2", "bbt2", "bbt2", "bbt2", "bbt3", "bbt3"};
      int per = 3 * 160 * 160;
      int differing = 0;
      for (int i = 0; i < 10; i++) {
        Picture picture = FaceFixtures.read("fixtures/faces/face-api.js/bbt/" + images[i] + ".jpg",
            Imgcodecs.IMREAD_COLOR | Imgcodecs.IMREAD_IGNORE_ORIENTATION);
        float[] box = java.util.Arrays.copyOfRange(boxes, 4 * i, 4 * i + 4);
        int[] cropBox = FaceCrop.cropBox(box[0], box[1], box[2], box[3], picture.width(), picture.height(), 160, 0);
        for (int k = 0; k < 4; k++) {
          assertThat(cropBox[k]).as("crop box %d", i).isEqualTo((int) intBoxes[4 * i + k]);
        }
        float[] actual = embedder.crops(picture, List.of(box));
        for (int p = 0; p < per; p++) {
          if (actual[p] != expected[i * per + p]) {
            differing++;
          }
        }
      }
      assertThat(differing).as("crop pixels differing from Pillow's").isZero();
    }
  }

  private static void report(String name, float[] actual, float[] expected) {
    assertThat(actual).as(name).hasSameSizeAs(expected);
    double max = 0;
    for (int i = 0; i < actual.length; i++) {
      max = Math.max(max, Math.abs(actual[i] - expected[i]));
    }
    System.out.printf("FaceNet %s: max |java - facenet-pytorch| %.2e%n", name, max);
    assertThat(max).as(name).isLessThan(TOLERANCE);
  }
}
