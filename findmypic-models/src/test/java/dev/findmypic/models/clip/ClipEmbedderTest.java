package dev.findmypic.models.clip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDManager;
import com.google.gson.JsonParser;
import dev.findmypic.core.Modality;
import dev.findmypic.core.Picture;
import dev.findmypic.core.testing.SharedData;
import dev.findmypic.models.testing.ReferenceArrays;
import dev.findmypic.models.testing.TestImages;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@link ClipEmbedder} end to end on clip-tiny-a: text and photos in, transformers' unit vectors out. */
class ClipEmbedderTest {
  private static final Path DIR = SharedData.path("reference/clip-tiny-a");

  private static ClipEmbedder embedder;
  private static List<String> texts;
  private static List<String> imageNames;
  private static float[] textEmbeds;
  private static float[] imageEmbeds;

  @BeforeAll
  static void open() throws Exception {
    embedder = ClipEmbedder.open(DIR, "test/clip-tiny-a", "1", 2, 5);
    var cases = JsonParser.parseString(Files.readString(DIR.resolve("cases.json"))).getAsJsonObject();
    texts = new ArrayList<>();
    cases.getAsJsonArray("texts").forEach(t -> texts.add(t.getAsString()));
    imageNames = new ArrayList<>();
    cases.getAsJsonArray("images").forEach(t -> imageNames.add(t.getAsString()));
    try (NDManager manager = NDManager.newBaseManager("PyTorch")) {
      ReferenceArrays expected = ReferenceArrays.read(manager, DIR.resolve("expected.safetensors"));
      textEmbeds = expected.floats("text_embeds");
      imageEmbeds = expected.floats("image_embeds");
    }
  }

  @AfterAll
  static void close() {
    embedder.close();
  }

  @Test
  void infoComesFromTheConfig() {
    assertThat(embedder.info().dimension()).isEqualTo(16);
    assertThat(embedder.info().modalities()).containsExactlyInAnyOrder(Modality.TEXT, Modality.IMAGE);
    assertThat(embedder.logitScale()).isCloseTo((float) Math.exp(2.6592), org.assertj.core.data.Offset.offset(1e-4f));
  }

  @Test
  void indexingPhotosLoadsTheImageTowerOnly() throws Exception {
    try (ClipEmbedder fresh = ClipEmbedder.open(DIR, "test/clip-tiny-a", "1", 2, 5)) {
      assertThat(fresh.loadedTowers()).isEmpty();
      Picture picture = TestImages.decode(DIR.resolve("images").resolve(imageNames.get(0)));
      float[] vector = fresh.embedImages(List.of(picture)).get(0);
      assertThat(fresh.loadedTowers()).containsExactly("image");
      assertThat(ReferenceArrays.maxAbsDiff(row(imageEmbeds, 0), vector)).isLessThan(1e-4);
      fresh.embedTexts(List.of(texts.get(0)));
      assertThat(fresh.loadedTowers()).containsExactly("image", "text");
    }
  }

  @Test
  void searchingByTextLoadsTheTextTowerOnly() {
    try (ClipEmbedder fresh = ClipEmbedder.open(DIR, "test/clip-tiny-a", "1", 2, 5)) {
      float[] vector = fresh.embedTexts(List.of(texts.get(0))).get(0);
      assertThat(fresh.logitScale()).isCloseTo((float) Math.exp(2.6592), org.assertj.core.data.Offset.offset(1e-4f));
      assertThat(fresh.loadedTowers()).containsExactly("text");
      assertThat(ReferenceArrays.maxAbsDiff(row(textEmbeds, 0), vector)).isLessThan(1e-4);
    }
  }

  @Test
  void textVectorsEqualTransformersTextEmbeds() {
    List<float[]> vectors = embedder.embedTexts(texts);
    assertThat(vectors).hasSize(20);
    double worst = 0;
    for (int i = 0; i < 20; i++) {
      worst = Math.max(worst, ReferenceArrays.maxAbsDiff(row(textEmbeds, i), vectors.get(i)));
    }
    System.out.printf("ClipEmbedder text vs text_embeds: max |diff| = %.3g%n", worst);
    assertThat(worst).isLessThan(1e-4);
  }

  @Test
  void photoVectorsEqualTransformersImageEmbeds() throws Exception {
    List<Picture> pictures = new ArrayList<>();
    for (String name : imageNames) {
      pictures.add(TestImages.decode(DIR.resolve("images").resolve(name)));
    }
    List<float[]> vectors = embedder.embedImages(pictures);
    double worst = 0;
    for (int i = 0; i < pictures.size(); i++) {
      worst = Math.max(worst, ReferenceArrays.maxAbsDiff(row(imageEmbeds, i), vectors.get(i)));
    }
    // the preprocessing is one 8-bit level off on 0.15 % of pixel values (see ClipImageProcessorTest)
    System.out.printf("ClipEmbedder photos vs image_embeds: max |diff| = %.3g%n", worst);
    assertThat(worst).isLessThan(1e-3);
    assertThat(embedder.embedImage(pictures.get(3))).containsExactly(vectors.get(3), within(1e-5f));
  }

  @Test
  void singleCallsEqualBatchCalls() {
    List<float[]> batch = embedder.embedTexts(texts.subList(0, 7));
    for (int i = 0; i < 7; i++) {
      assertThat(embedder.embedText(texts.get(i))).containsExactly(batch.get(i), within(1e-5f));
    }
  }

  @Test
  void edgeInputsGiveUnitVectors() {
    List<float[]> vectors = new ArrayList<>(embedder.embedTexts(List.of("", "a".repeat(10_000), "🐶🚗🎉", "   ")));
    vectors.addAll(embedder.embedImages(List.of(
        Picture.ofRgb(1, 1, new byte[] {(byte) 200, 10, 30}),
        Picture.ofRgb(20_000, 100, new byte[20_000 * 100 * 3]),
        Picture.ofRgb(100, 20_000, new byte[20_000 * 100 * 3]))));
    for (float[] v : vectors) {
      assertThat(v).hasSize(16);
      assertThat(dev.findmypic.core.Vectors.dot(v, v)).isCloseTo(1f, org.assertj.core.data.Offset.offset(1e-4f));
    }
    assertThat(embedder.embedTexts(List.of())).isEmpty();
  }

  @Test
  void concurrentCallersGetTheSameVectors() throws Exception {
    List<float[]> expected = embedder.embedTexts(texts);
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<List<float[]>>> futures = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        futures.add(pool.submit(() -> embedder.embedTexts(texts)));
      }
      for (Future<List<float[]>> f : futures) {
        List<float[]> got = f.get();
        for (int i = 0; i < texts.size(); i++) {
          assertThat(got.get(i)).containsExactly(expected.get(i), within(1e-6f));
        }
      }
    } finally {
      pool.shutdown();
    }
  }

  @Test
  void closedEmbedderRefusesWork() {
    ClipEmbedder other = ClipEmbedder.open(DIR, "test/clip-tiny-a", "1", 2, 8);
    assertThat(other.embedText("a cat")).hasSize(16);
    other.close();
    other.close();
    assertThatThrownBy(() -> other.embedText("a cat")).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("closed");
  }

  @Test
  void missingWeightsAreAClearError() throws Exception {
    Path dir = Files.createTempDirectory("clip-no-weights");
    try {
      for (String f : new String[] {"config.json", "preprocessor_config.json", "tokenizer.json"}) {
        Files.copy(DIR.resolve(f), dir.resolve(f));
      }
      try (ClipEmbedder broken = ClipEmbedder.open(dir, "test/broken", "1", 1, 8)) {
        assertThatThrownBy(() -> broken.embedText("x")).isInstanceOf(dev.findmypic.core.ModelException.class)
            .hasMessageContaining(dir.toString()).hasMessageContaining("model.safetensors");
      }
    } finally {
      try (var files = Files.walk(dir)) {
        files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  private static org.assertj.core.data.Offset<Float> within(float v) {
    return org.assertj.core.data.Offset.offset(v);
  }

  private static float[] row(float[] matrix, int i) {
    return java.util.Arrays.copyOfRange(matrix, i * 16, (i + 1) * 16);
  }
}
