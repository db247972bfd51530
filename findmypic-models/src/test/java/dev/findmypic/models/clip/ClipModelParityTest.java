package dev.findmypic.models.clip;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.findmypic.core.Vectors;
import dev.findmypic.core.testing.SharedData;
import dev.findmypic.models.nn.TokenBatch;
import dev.findmypic.models.testing.ArrayWeights;
import dev.findmypic.models.testing.ReferenceArrays;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Both CLIP towers against transformers' outputs for clip-tiny-a, from the same inputs and F32 weights. */
class ClipModelParityTest {
  private static final double TOLERANCE = 1e-4;
  private static final Path DIR = SharedData.path("reference/clip-tiny-a");

  private static NDManager manager;
  private static ReferenceArrays expected;
  private static ClipModel model;

  @BeforeAll
  static void load() throws Exception {
    manager = NDManager.newBaseManager("PyTorch");
    expected = ReferenceArrays.read(manager, DIR.resolve("expected.safetensors"));
    ReferenceArrays weights = ReferenceArrays.read(manager, DIR.resolve("model.safetensors"));
    model = ClipModel.load(ClipConfig.read(DIR.resolve("config.json")), new ArrayWeights(weights, manager));
  }

  @AfterAll
  static void close() {
    manager.close();
  }

  static TokenBatch referenceTokens() {
    long[] ids = expected.longs("input_ids");
    return new TokenBatch(20, 77, ids, expected.longs("attention_mask"));
  }

  @Test
  void textTowerMatchesTransformers() {
    try (NDManager scope = manager.newSubManager()) {
      TextOutput out = model.encodeTexts(scope, referenceTokens());
      assertClose("text_embeddings_out", out.embeddings());
      assertClose("text_last_hidden_state", out.lastHiddenState());
      assertClose("text_pooler_output", out.features());
      assertClose("text_embeds", normalizedRows(out.features()), 16);
    }
  }

  @Test
  void imageTowerMatchesTransformers() {
    try (NDManager scope = manager.newSubManager()) {
      NDArray pixels = scope.create(expected.floats("pixel_values"), new Shape(8, 3, 32, 32));
      VisionOutput out = model.encodeImages(pixels);
      assertClose("vision_embeddings_out", out.embeddings());
      assertClose("vision_last_hidden_state", out.lastHiddenState());
      assertClose("vision_pooler_output", out.features());
      assertClose("image_embeds", normalizedRows(out.features()), 16);
    }
  }

  @Test
  void zeroShotLogitsMatchTransformers() {
    try (NDManager scope = manager.newSubManager()) {
      float[] text = normalizedRows(model.encodeTexts(scope, referenceTokens()).features());
      NDArray pixels = scope.create(expected.floats("pixel_values"), new Shape(8, 3, 32, 32));
      float[] image = normalizedRows(model.encodeImages(pixels).features());
      float[] logits = new float[8 * 20];
      for (int i = 0; i < 8; i++) {
        for (int t = 0; t < 20; t++) {
          float dot = 0;
          for (int d = 0; d < 16; d++) {
            dot += image[i * 16 + d] * text[t * 16 + d];
          }
          logits[i * 20 + t] = model.logitScale() * dot;
        }
      }
      assertThat(ReferenceArrays.maxAbsDiff(expected.floats("logits_per_image"), logits)).isLessThan(TOLERANCE);
    }
  }

  @Test
  void unpaddedTextGivesThePaddedResult() {
    TokenBatch padded = referenceTokens();
    int n = padded.realTokens(0);
    long[] ids = java.util.Arrays.copyOf(padded.ids(), n);
    long[] ones = new long[n];
    java.util.Arrays.fill(ones, 1);
    try (NDManager scope = manager.newSubManager()) {
      float[] features = model.encodeTexts(scope, new TokenBatch(1, n, ids, ones)).features().toFloatArray();
      assertThat(ReferenceArrays.maxAbsDiff(expected.floats("text_features_unpadded_0"), features))
          .isLessThan(TOLERANCE);
      float[] paddedRow0 = java.util.Arrays.copyOf(expected.floats("text_pooler_output"), 16);
      assertThat(ReferenceArrays.maxAbsDiff(paddedRow0, features)).isLessThan(TOLERANCE);
    }
  }

  private static float[] normalizedRows(NDArray features) {
    float[] values = features.toFloatArray();
    int dim = (int) features.getShape().get(1);
    for (int row = 0; row < values.length / dim; row++) {
      float[] v = java.util.Arrays.copyOfRange(values, row * dim, (row + 1) * dim);
      System.arraycopy(Vectors.normalizeInPlace(v), 0, values, row * dim, dim);
    }
    return values;
  }

  private static void assertClose(String name, NDArray actual) {
    assertThat(actual.getShape()).as(name).isEqualTo(expected.get(name).getShape());
    assertClose(name, actual.toFloatArray(), 0);
  }

  private static void assertClose(String name, float[] actual, int unused) {
    double diff = ReferenceArrays.maxAbsDiff(expected.floats(name), actual);
    System.out.printf("clip-tiny-a %s: max |diff| = %.3g%n", name, diff);
    assertThat(diff).as(name).isLessThan(TOLERANCE);
  }
}
