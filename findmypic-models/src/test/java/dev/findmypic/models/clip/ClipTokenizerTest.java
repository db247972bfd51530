package dev.findmypic.models.clip;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDManager;
import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import dev.findmypic.core.testing.SharedData;
import dev.findmypic.models.nn.TextTokenizer;
import dev.findmypic.models.nn.TokenBatch;
import dev.findmypic.models.testing.ReferenceArrays;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** CLIP tokenisation with DJL's HuggingFaceTokenizer against OpenAI's own simple_tokenizer and transformers. */
class ClipTokenizerTest {
  private static TextTokenizer tokenizer;

  @BeforeAll
  static void open() {
    tokenizer = ClipEmbedder.openTokenizer(SharedData.path("models/clip-vit-base-patch32-tokenizer/tokenizer.json"));
  }

  @AfterAll
  static void close() {
    tokenizer.close();
  }

  @Test
  void idsEqualOpenAiSimpleTokenizer() throws Exception {
    Path file = SharedData.path("models/clip-vit-base-patch32-tokenizer/expected_ids.json");
    var cases = JsonParser.parseString(Files.readString(file)).getAsJsonArray();
    assertThat(cases).hasSize(20);
    for (JsonElement c : cases) {
      String text = c.getAsJsonObject().get("text").getAsString();
      long[] expected = toLongs(c.getAsJsonObject().getAsJsonArray("openai_ids"));
      TokenBatch batch = tokenizer.encode(List.of(text));
      assertThat(batch.ids()).as(text).containsExactly(expected);
      assertThat(batch.mask()).containsOnly(1L);
    }
  }

  @Test
  void aPhotoOfACat() {
    assertThat(tokenizer.encode(List.of("a photo of a cat")).ids())
        .containsExactly(49406, 320, 1125, 539, 320, 2368, 49407);
  }

  @Test
  void batchPaddedTo77EqualsTransformersIdsAndMask() throws Exception {
    Path dir = SharedData.path("reference/clip-tiny-a");
    List<String> texts = new ArrayList<>();
    JsonParser.parseString(Files.readString(dir.resolve("cases.json"))).getAsJsonObject().getAsJsonArray("texts")
        .forEach(t -> texts.add(t.getAsString()));
    TokenBatch batch = tokenizer.encode(texts, 77);
    try (NDManager manager = NDManager.newBaseManager("PyTorch")) {
      ReferenceArrays expected = ReferenceArrays.read(manager, dir.resolve("expected.safetensors"));
      assertThat(batch.length()).isEqualTo(77);
      assertThat(batch.ids()).containsExactly(expected.longs("input_ids"));
      assertThat(batch.mask()).containsExactly(expected.longs("attention_mask"));
    }
  }

  @Test
  void edgeTexts() {
    TokenBatch batch = tokenizer.encode(List.of("", "x".repeat(10_000), "emoji 🐶🚗 party 🎉", "word ".repeat(2000)));
    assertThat(batch.length()).isEqualTo(77);
    assertThat(Arrays.copyOf(batch.ids(), 3)).containsExactly(49406, 49407, 49407);
    assertThat(batch.realTokens(0)).isEqualTo(2);
    for (int row : new int[] {1, 3}) {
      assertThat(batch.realTokens(row)).isEqualTo(77);
      assertThat(batch.id(row, 0)).isEqualTo(49406);
      assertThat(batch.id(row, 76)).as("the end token survives truncation").isEqualTo(49407);
    }
    assertThat(batch.realTokens(2)).isBetween(5, 20);
  }

  private static long[] toLongs(com.google.gson.JsonArray array) {
    long[] out = new long[array.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = array.get(i).getAsLong();
    }
    return out;
  }
}
