package dev.findmypic.models.ocr.easyocr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.findmypic.core.testing.SharedData;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;

/** Greedy CTC decoding against EasyOCR's own results in {@code recognizer_decode.json}. */
class CtcGreedyDecoderTest {
  private final CtcGreedyDecoder decoder = new CtcGreedyDecoder(EnglishG2.CHARACTERS);

  @Test
  void charsetIsEasyOcrs() throws Exception {
    String expected = Files.readString(SharedData.path("reference/easyocr/english_g2_characters.txt"),
        StandardCharsets.UTF_8);
    assertThat(EnglishG2.CHARACTERS).isEqualTo(expected);
    assertThat(decoder.classes()).isEqualTo(97);
  }

  @Test
  void decodesTheSyntheticLogitsAsEasyOcr() throws Exception {
    JsonObject expected = decodeJson().getAsJsonObject("synthetic_logits_case");
    float[] logits = ReferenceTensors.load().floats("rec.synth_logits");
    var predict = expected.getAsJsonArray("recognizer_predict");
    for (int b = 0; b < 2; b++) {
      Recognition r = decoder.decode(logits, b * 39 * 97, 39);
      assertThat(r.text()).isEqualTo(expected.getAsJsonArray("greedy_decode").get(b).getAsString());
      assertThat(r.confidence()).isCloseTo(predict.get(b).getAsJsonArray().get(1).getAsDouble(), within(1e-6));
    }
  }

  @Test
  void decodesTheNetworkLogitsWithTheUnderflowingConfidence() throws Exception {
    JsonObject expected = decodeJson();
    float[] logits = ReferenceTensors.load().floats("rec.logits");
    for (int b = 0; b < 2; b++) {
      Recognition r = decoder.decode(logits, b * 39 * 97, 39);
      assertThat(r.text()).isEqualTo(expected.getAsJsonArray("greedy_decode").get(b).getAsString());
      assertThat(r.confidence()).isZero();
    }
  }

  @Test
  void allBlankGivesEmptyTextAndZeroConfidence() {
    float[] logits = new float[3 * 97];
    for (int t = 0; t < 3; t++) {
      logits[t * 97] = 9f;
    }
    Recognition r = decoder.decode(logits, 0, 3);
    assertThat(r.text()).isEmpty();
    assertThat(r.confidence()).isZero();
  }

  @Test
  void blankBetweenRepeatsKeepsBothAndConfidenceIsTheRootedProduct() {
    // steps: 'a' 'a' blank 'a' 'b' -> "aab"; each step's max probability is exactly 0.5 (two equal top logits would
    // tie, so use a two-class table: top logit ln(1) vs the rest summing to the same mass)
    int[] best = {71, 71, 0, 71, 72};
    float[] logits = new float[best.length * 97];
    for (int t = 0; t < best.length; t++) {
      logits[t * 97 + best[t]] = 10f;
    }
    Recognition r = decoder.decode(logits, 0, best.length);
    assertThat(r.text()).isEqualTo("aab");
    double p = Math.exp(10) / (Math.exp(10) + 96);
    assertThat(r.confidence()).isCloseTo(Math.pow(Math.pow(p, 4), 2 / Math.sqrt(4)), within(1e-6));
  }

  private static JsonObject decodeJson() throws Exception {
    return JsonParser.parseString(Files.readString(SharedData.path("reference/easyocr/recognizer_decode.json"),
        StandardCharsets.UTF_8)).getAsJsonObject();
  }
}
