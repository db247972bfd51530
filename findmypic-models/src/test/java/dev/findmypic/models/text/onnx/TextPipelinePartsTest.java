package dev.findmypic.models.text.onnx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;

import dev.findmypic.core.ModelException;
import dev.findmypic.core.ModelFormatException;
import dev.findmypic.core.testing.SharedData;
import dev.findmypic.models.nn.MeanPooling;
import dev.findmypic.models.nn.UnitRows;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The plain functions around the model: padding, batching by length, pooling, the graph scan, finding the files. */
class TextPipelinePartsTest {
  @Test
  void padRightPadsWithZeroAndMasksThePadding() {
    TokenBatch batch = TokenBatch.pad(List.of(new long[] {101, 7, 102}, new long[] {101, 102}));
    assertThat(batch.rows()).isEqualTo(2);
    assertThat(batch.length()).isEqualTo(3);
    assertThat(batch.inputIds()).containsExactly(101, 7, 102, 101, 102, 0);
    assertThat(batch.attentionMask()).containsExactly(1, 1, 1, 1, 1, 0);
  }

  @Test
  void meanPoolingAveragesOnlyUnmaskedTokensThenNormalises() {
    TokenBatch batch = TokenBatch.pad(List.of(new long[] {1, 2}, new long[] {1}));
    // [2 rows, 2 tokens, 2 dims]; row 1's second token is padding and must be ignored
    float[] hidden = {3, 0, 1, 4, /* row 1 */ 0, 2, 100, 100};
    List<float[]> pooled =
        UnitRows.split(MeanPooling.apply(hidden, batch.attentionMask(), batch.rows(), batch.length(), 2), 2);
    // row 0: mean (2, 2) -> (0.7071, 0.7071); row 1: (0, 2) -> (0, 1)
    assertThat(pooled.get(0)[0]).isCloseTo(0.70710677f, offset(1e-6f));
    assertThat(pooled.get(0)[1]).isCloseTo(0.70710677f, offset(1e-6f));
    assertThat(pooled.get(1)).containsExactly(0f, 1f);
  }

  @Test
  void lengthBatchesGroupLikeLengthsWithinTheLimitsAndCoverEveryTextOnce() {
    List<long[]> sequences = IntStream.of(5, 1, 9, 3, 9, 2, 7).mapToObj(long[]::new).toList();
    List<int[]> batches = LengthBatches.plan(sequences, 3, 20);
    // sorted lengths 1,2,3 | 5,7 (3 rows of 9 would be 27 tokens; 5,7,9 would be 27) | 9,9 (18)
    assertThat(batches).extracting(b -> Arrays.stream(b).map(i -> sequences.get(i).length).boxed().toList())
        .containsExactly(List.of(1, 2, 3), List.of(5, 7), List.of(9, 9));
    assertThat(batches.stream().flatMapToInt(Arrays::stream).sorted().toArray())
        .containsExactly(0, 1, 2, 3, 4, 5, 6);
  }

  @Test
  void aSingleTextLongerThanTheTokenLimitStillGetsItsOwnBatch() {
    List<int[]> batches = LengthBatches.plan(List.of(new long[300]), 4, 100);
    assertThat(batches).hasSize(1);
    assertThat(batches.get(0)).containsExactly(0);
  }

  @Test
  void graphScanFindsANameAcrossPartialMatches() throws Exception {
    byte[] pattern = "ababc".getBytes(StandardCharsets.US_ASCII);
    assertThat(OnnxGraphScan.contains(stream("xxabababcyy"), pattern)).isTrue();
    assertThat(OnnxGraphScan.contains(stream("ababab"), pattern)).isFalse();
    assertThat(OnnxGraphScan.contains(stream(""), pattern)).isFalse();
  }

  @Test
  void graphScanTellsTheInt8ExportFromAGraphWithoutQuantisation(@TempDir Path dir) throws Exception {
    Path int8 = SharedData.path("models/all-minilm-l6-v2-q/model.onnx");
    assertThat(OnnxGraphScan.mentions(int8, OnnxGraphScan.DYNAMIC_QUANTIZE)).isTrue();
    Path plain = Files.write(dir.resolve("plain.onnx"), "MatMul Add Softmax".getBytes(StandardCharsets.US_ASCII));
    assertThat(OnnxGraphScan.mentions(plain, OnnxGraphScan.DYNAMIC_QUANTIZE)).isFalse();
  }

  @Test
  void modelFilesAreFoundFlatOrInTheHubLayoutAndAMissingFileIsNamed(@TempDir Path dir) throws Exception {
    assertThatThrownBy(() -> SentenceModelFiles.in(dir)).isInstanceOf(ModelException.class)
        .hasMessageContaining(dir.toString()).hasMessageContaining("model.onnx");
    Files.createDirectories(dir.resolve("onnx"));
    Files.writeString(dir.resolve("onnx/model.onnx"), "x");
    assertThatThrownBy(() -> SentenceModelFiles.in(dir)).isInstanceOf(ModelException.class)
        .hasMessageContaining("tokenizer.json");
    Files.writeString(dir.resolve("tokenizer.json"), "{}");
    assertThat(SentenceModelFiles.in(dir).model()).isEqualTo(dir.resolve("onnx/model.onnx"));
    Files.writeString(dir.resolve("model.onnx"), "x");
    assertThat(SentenceModelFiles.in(dir).model()).isEqualTo(dir.resolve("model.onnx"));
  }

  @Test
  void aCorruptModelFileGivesAModelFormatExceptionNamingIt(@TempDir Path dir) throws Exception {
    Files.copy(SharedData.path("models/all-minilm-l6-v2-q/tokenizer.json"),
        dir.resolve("tokenizer.json"));
    Files.writeString(dir.resolve("model.onnx"), "not a protobuf");
    try (OnnxSentenceEmbedder embedder = OnnxSentenceEmbedder.builder(dir).build()) {
      assertThatThrownBy(() -> embedder.embedText("hello"))
          .isInstanceOf(ModelFormatException.class)
          .hasMessageContaining(dir.resolve("model.onnx").toString());
    }
  }

  private static ByteArrayInputStream stream(String s) {
    return new ByteArrayInputStream(s.getBytes(StandardCharsets.US_ASCII));
  }
}
