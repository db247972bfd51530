package dev.findmypic.models.clip;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.findmypic.core.Vectors;
import dev.findmypic.core.testing.SharedData;
import dev.findmypic.models.nn.TokenBatch;
import dev.findmypic.models.nn.CheckpointWeights;
import dev.findmypic.models.testing.ReferenceArrays;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Both CLIP towers against transformers' outputs for clip-tiny-a, from the same inputs, with the weights read from
 * each checkpoint format: F32 safetensors, zip and legacy {@code torch.save} (all within 1e-4), F16 safetensors
 * (within 1e-2; 4.5e-3 measured) and BF16 safetensors (hidden states within 5e-2, 4.2e-2 measured; unit
 * embeddings within 1e-2).
 */
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
    model = load(DIR.resolve("model.safetensors"));
  }

  static ClipModel load(Path checkpoint) {
    try (CheckpointWeights weights = CheckpointWeights.open(checkpoint, manager, null)) {
      return ClipModel.load(ClipConfig.read(DIR.resolve("config.json")), weights);
    }
  }

  static java.util.stream.Stream<Arguments> otherCheckpoints() {
    Path bins = SharedData.path("reference/clip-tiny-a-bins");
    return java.util.stream.Stream.of(
        Arguments.of(bins.resolve("pytorch_model.bin"), TOLERANCE),
        Arguments.of(bins.resolve("pytorch_model.legacy.bin"), TOLERANCE),
        Arguments.of(DIR.resolve("model.f16.safetensors"), 1e-2),
        // BF16 keeps 8 significant bits: 4.2e-2 measured on text_last_hidden_state, 1.5e-2 on text_pooler_output
        Arguments.of(DIR.resolve("model.bf16.safetensors"), 5e-2));
  }

  @ParameterizedTest
  @MethodSource("otherCheckpoints")
  void everyCheckpointFormatGivesTheReferenceOutputs(Path checkpoint, double tolerance) {
    ClipModel other = load(checkpoint);
    try (NDManager scope = manager.newSubManager()) {
      TextOutput text = other.encodeTexts(scope, referenceTokens());
      NDArray pixels = scope.create(expected.floats("pixel_values"), new Shape(8, 3, 32, 32));
      VisionOutput vision = other.encodeImages(pixels);
      String file = checkpoint.getFileName().toString();
      for (var pair : java.util.Map.of("text_last_hidden_state", text.lastHiddenState(), "text_pooler_output",
          text.features(), "vision_last_hidden_state", vision.lastHiddenState(), "vision_pooler_output",
          vision.features()).entrySet()) {
        double diff = ReferenceArrays.maxAbsDiff(expected.floats(pair.getKey()), pair.getValue().toFloatArray());
        System.out.printf("clip-tiny-a %s from %s: max |diff| = %.3g%n", pair.getKey(), file, diff);
        assertThat(diff).as(pair.getKey() + " from " + file).isLessThan(tolerance);
      }
      double textEmbeds = ReferenceArrays.maxAbsDiff(expected.floats("text_embeds"), normalizedRows(text.features()));
      double imageEmbeds =
          ReferenceArrays.maxAbsDiff(expected.floats("image_embeds"), normalizedRows(vision.features()));
      System.out.printf("clip-tiny-a text_embeds / image_embeds from %s: max |diff| = %.3g / %.3g%n",
          file, textEmbeds, imageEmbeds);
      // the unit vectors, what search uses, stay within 1e-2 for every format
      assertThat(textEmbeds).isLessThan(Math.min(tolerance, 1e-2));
      assertThat(imageEmbeds).isLessThan(Math.min(tolerance, 1e-2));
    }
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
      assertCloseValues("text_embeds", normalizedRows(out.features()));
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
      assertCloseValues("image_embeds", normalizedRows(out.features()));
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
  void parametersSurviveGarbageCollectionAfterTheCheckpointIsClosed() throws Exception {
    // The checkpoint's tensors live in direct buffers that only their arrays keep reachable; a parameter that lost
    // its array (a same-type toType view, say) would be freed by the collector while libtorch still reads it.
    ClipModel fresh = load(DIR.resolve("model.safetensors"));
    for (int i = 0; i < 3; i++) {
      System.gc();
      Thread.sleep(50);
    }
    // reuse whatever the collector freed, with NaN bytes, so that a parameter read from freed memory shows
    java.util.List<java.nio.ByteBuffer> filler = new java.util.ArrayList<>();
    for (int i = 0; i < 256; i++) {
      java.nio.ByteBuffer b = java.nio.ByteBuffer.allocateDirect(32 * 1024);
      while (b.hasRemaining()) {
        b.put((byte) 0xFF);
      }
      filler.add(b);
    }
    try (NDManager scope = manager.newSubManager()) {
      NDArray pixels = scope.create(expected.floats("pixel_values"), new Shape(8, 3, 32, 32));
      assertCloseValues("image_embeds", normalizedRows(fresh.encodeImages(pixels).features()));
      assertCloseValues("text_embeds", normalizedRows(fresh.encodeTexts(scope, referenceTokens()).features()));
    }
    assertThat(filler).hasSize(256);
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

  static float[] normalizedRows(NDArray features) {
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
    assertCloseValues(name, actual.toFloatArray());
  }

  private static void assertCloseValues(String name, float[] actual) {
    double diff = ReferenceArrays.maxAbsDiff(expected.floats(name), actual);
    System.out.printf("clip-tiny-a %s: max |diff| = %.3g%n", name, diff);
    assertThat(diff).as(name).isLessThan(TOLERANCE);
  }
}
