package dev.findmypic.models.text.bert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDManager;
import com.google.gson.JsonParser;
import dev.findmypic.core.Modality;
import dev.findmypic.core.Picture;
import dev.findmypic.core.Vectors;
import dev.findmypic.core.testing.SharedData;
import dev.findmypic.models.nn.TextTokenizer;
import dev.findmypic.models.nn.TokenBatch;
import dev.findmypic.models.testing.ReferenceArrays;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@link BertEmbedder} end to end on bert-tiny-a: sentences in, sentence-transformers' unit vectors out. */
class BertEmbedderTest {
  private static final Path DIR = SharedData.path("reference/bert-tiny-a");
  /** The reference's max_length. */
  private static final int MAX_TOKENS = 128;

  private static BertEmbedder embedder;
  private static List<String> sentences;
  private static ReferenceArrays expected;
  private static NDManager manager;

  @BeforeAll
  static void open() throws Exception {
    embedder = BertEmbedder.open(DIR, "test/bert-tiny-a", "1", MAX_TOKENS, 2, 4);
    sentences = new ArrayList<>();
    JsonParser.parseString(Files.readString(DIR.resolve("cases.json"))).getAsJsonObject()
        .getAsJsonArray("sentences").forEach(s -> sentences.add(s.getAsString()));
    manager = NDManager.newBaseManager("PyTorch");
    expected = ReferenceArrays.read(manager, DIR.resolve("expected.safetensors"));
  }

  @AfterAll
  static void close() {
    embedder.close();
    manager.close();
  }

  @Test
  void tokenIdsEqualTransformers() {
    try (TextTokenizer tokenizer = TextTokenizer.open(DIR.resolve("tokenizer.json"), MAX_TOKENS, 0)) {
      TokenBatch batch = tokenizer.encode(sentences, MAX_TOKENS);
      assertThat(batch.ids()).containsExactly(expected.longs("input_ids"));
      assertThat(batch.mask()).containsExactly(expected.longs("attention_mask"));
    }
  }

  @Test
  void sentenceVectorsEqualSentenceTransformers() {
    List<float[]> vectors = embedder.embedTexts(sentences);
    float[] reference = expected.floats("sentence_embedding");
    double worst = 0;
    for (int i = 0; i < sentences.size(); i++) {
      worst = Math.max(worst, ReferenceArrays.maxAbsDiff(Arrays.copyOfRange(reference, i * 32, (i + 1) * 32),
          vectors.get(i)));
    }
    System.out.printf("BertEmbedder vs sentence_embedding: max |diff| = %.3g%n", worst);
    assertThat(worst).isLessThan(1e-4);
    assertThat(embedder.embedText(sentences.get(2))).containsExactly(vectors.get(2), Offset.offset(1e-5f));
  }

  @Test
  void infoAndModalities() {
    assertThat(embedder.info().dimension()).isEqualTo(32);
    assertThat(embedder.info().modalities()).containsExactly(Modality.TEXT);
    assertThatThrownBy(() -> embedder.embedImage(Picture.ofRgb(1, 1, new byte[3])))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void edgeTextsGiveUnitVectors() {
    for (float[] v : embedder.embedTexts(List.of("", "ab ".repeat(3_400), "emoji 🐶🚗 party 🎉", "\t\n "))) {
      assertThat(Vectors.dot(v, v)).isCloseTo(1f, Offset.offset(1e-4f));
    }
  }
}
