package dev.findmypic.models.text.onnx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;

import dev.findmypic.core.Picture;
import dev.findmypic.core.Vectors;
import dev.findmypic.core.testing.SharedData;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** What the real int8 all-MiniLM-L6-v2 does with meaning and with odd input. */
class OnnxSentenceEmbedderBehaviourTest {
  /** Pairs of like meaning with few words in common. */
  private static final List<List<String>> PARAPHRASES = List.of(
      List.of("A man is playing a guitar.", "Someone strums an acoustic guitar."),
      List.of("The cat sleeps on the sofa.", "A kitten is napping on the couch."),
      List.of("How do I reset my password?", "I forgot my login credentials and need to change them."),
      List.of("The stock market fell sharply today.", "Share prices dropped steeply this afternoon."),
      List.of("Heavy rain flooded the streets.", "The roads were under water after the downpour."),
      List.of("She is cooking pasta for dinner.", "A woman prepares spaghetti for the evening meal."));

  /** The asserted gap between the weakest paraphrase pair and the strongest unrelated pair. */
  private static final double MARGIN = 0.25;

  private static OnnxSentenceEmbedder embedder;

  @BeforeAll
  static void open() {
    embedder = OnnxSentenceEmbedder.builder(SharedData.path("models/all-minilm-l6-v2-q")).threads(2).build();
  }

  @AfterAll
  static void close() {
    embedder.close();
  }

  /**
   * Each paraphrase pair is closer than its first sentence is to any other pair's sentence. Measured: the weakest
   * paraphrase pair (0.574) and the strongest unrelated pair (0.252) are 0.322 apart; asserted at 0.25.
   */
  @Test
  void paraphrasesRankAboveUnrelatedPairsByAMeasuredMargin() {
    List<String> texts = PARAPHRASES.stream().flatMap(List::stream).toList();
    List<float[]> v = embedder.embedTexts(texts);
    double weakestParaphrase = 1;
    double strongestUnrelated = -1;
    for (int p = 0; p < PARAPHRASES.size(); p++) {
      weakestParaphrase = Math.min(weakestParaphrase, Vectors.dot(v.get(2 * p), v.get(2 * p + 1)));
      for (int q = 0; q < PARAPHRASES.size(); q++) {
        if (q != p) {
          strongestUnrelated = Math.max(strongestUnrelated, Vectors.dot(v.get(2 * p), v.get(2 * q + 1)));
          strongestUnrelated = Math.max(strongestUnrelated, Vectors.dot(v.get(2 * p), v.get(2 * q)));
        }
      }
    }
    System.out.printf("paraphrases: weakest pair %.3f, strongest unrelated pair %.3f, margin %.3f%n",
        weakestParaphrase, strongestUnrelated, weakestParaphrase - strongestUnrelated);
    assertThat(weakestParaphrase - strongestUnrelated).isGreaterThan(MARGIN);
  }


  @Test
  void emptyTextGivesAUnitVector() {
    assertUnit(embedder.embedText(""));
  }

  @Test
  void tenThousandCharactersAreTruncatedTo256TokensAndEqualTheirFirst256Tokens() {
    String sentence = "Libraries keep records of every book they lend to readers. ";
    String longText = sentence.repeat(10_000 / sentence.length() + 1).substring(0, 10_000);
    float[] full = embedder.embedText(longText);
    assertUnit(full);
    // a text that is still longer than 256 tokens but 2,000 characters shorter gives the same vector
    float[] shorter = embedder.embedText(longText.substring(0, 8_000));
    for (int d = 0; d < full.length; d++) {
      assertThat(full[d]).isEqualTo(shorter[d]);
    }
  }

  /**
   * MiniLM's vocabulary has no emoji: they become [UNK], so emoji-only text still gets a vector and emoji in a
   * sentence barely move it. Measured: cosine 0.910 between a sentence with and without its emoji; asserted above 0.85.
   */
  @Test
  void emojiAreEmbeddedWithoutDisturbingTheSentence() {
    List<float[]> v = embedder.embedTexts(List.of("🐶🐱🎉", "I love my dog 🐶 and my cat 🐱", "I love my dog and my cat"));
    v.forEach(OnnxSentenceEmbedderBehaviourTest::assertUnit);
    double withAndWithout = Vectors.dot(v.get(1), v.get(2));
    System.out.printf("emoji: sentence with vs without emoji cosine %.3f%n", withAndWithout);
    assertThat(withAndWithout).isGreaterThan(0.85);
  }

  @Test
  void anEmptyListGivesAnEmptyList() {
    assertThat(embedder.embedTexts(List.of())).isEmpty();
  }

  @Test
  void concurrentCallersGetTheSameVectorsAsOneCaller() throws Exception {
    List<String> texts = PARAPHRASES.stream().flatMap(List::stream).toList();
    List<float[]> expected = embedder.embedTexts(texts);
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<List<float[]>>> futures = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        futures.add(pool.submit(() -> embedder.embedTexts(texts)));
      }
      for (Future<List<float[]>> f : futures) {
        List<float[]> got = f.get();
        for (int t = 0; t < texts.size(); t++) {
          assertThat(got.get(t)).containsExactly(expected.get(t));
        }
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void picturesAreRefused() {
    Picture pixel = Picture.ofRgb(1, 1, new byte[3]);
    assertThatThrownBy(() -> embedder.embedImage(pixel)).isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void aClosedEmbedderRefusesWorkAndClosingTwiceIsHarmless() {
    OnnxSentenceEmbedder own = OnnxSentenceEmbedder.builder(SharedData.path("models/all-minilm-l6-v2-q")).build();
    assertUnit(own.embedText("load it"));
    own.close();
    own.close();
    assertThatThrownBy(() -> own.embedText("again")).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("closed");
  }

  private static void assertUnit(float[] v) {
    assertThat(v).hasSize(384);
    double norm = 0;
    for (float x : v) {
      assertThat(Float.isFinite(x)).isTrue();
      norm += x * x;
    }
    assertThat(Math.sqrt(norm)).isCloseTo(1.0, offset(1e-5));
  }
}
