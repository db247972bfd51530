package dev.findmypic.models.clip;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import dev.findmypic.core.testing.SharedData;
import dev.findmypic.models.nn.CheckpointWeights;
import dev.findmypic.models.nn.Precision;
import dev.findmypic.models.nn.TokenBatch;
import dev.findmypic.models.testing.ReferenceArrays;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The fp16 path of {@link ClipModel}, run on the CPU (libtorch 2.7's CPU kernels take half-precision linear,
 * convolution, matmul and sigmoid), against transformers' fp32 outputs for clip-tiny-a. What search uses, the unit
 * embeddings, must keep a cosine of at least 0.999 with the reference and stay within 1e-2 of it element-wise; the
 * outputs must be float32 although the products ran in fp16. A GPU, where {@link Precision#AUTO} picks fp16, is not
 * available here.
 */
class ClipHalfPrecisionTest {
  private static final Path DIR = SharedData.path("reference/clip-tiny-a");

  private static NDManager manager;
  private static ReferenceArrays expected;
  private static ClipModel half;

  @BeforeAll
  static void load() throws Exception {
    manager = NDManager.newBaseManager(Device.cpu(), "PyTorch");
    expected = ReferenceArrays.read(manager, DIR.resolve("expected.safetensors"));
    try (CheckpointWeights weights = CheckpointWeights.open(DIR.resolve("model.safetensors"), manager, null)) {
      half = ClipModel.load(ClipConfig.read(DIR.resolve("config.json")), weights, Precision.FP16);
    }
  }

  @AfterAll
  static void close() {
    manager.close();
  }

  @Test
  void halfPrecisionTextEmbeddingsStayWithinTheToleranceOfTheFp32Reference() {
    try (NDManager scope = manager.newSubManager()) {
      TokenBatch tokens = new TokenBatch(20, 77, expected.longs("input_ids"), expected.longs("attention_mask"));
      NDArray features = half.encodeTexts(scope, tokens).features();
      assertThat(features.getDataType()).isEqualTo(DataType.FLOAT32);
      checkAgainstReference("text_embeds", ClipModelParityTest.normalizedRows(features), 20);
    }
  }

  @Test
  void halfPrecisionImageEmbeddingsStayWithinTheToleranceOfTheFp32Reference() {
    try (NDManager scope = manager.newSubManager()) {
      NDArray pixels = scope.create(expected.floats("pixel_values"), new Shape(8, 3, 32, 32));
      NDArray features = half.encodeImages(pixels).features();
      assertThat(features.getDataType()).isEqualTo(DataType.FLOAT32);
      assertThat(pixels.getDataType()).as("the caller's pixels are left as they are").isEqualTo(DataType.FLOAT32);
      checkAgainstReference("image_embeds", ClipModelParityTest.normalizedRows(features), 8);
    }
  }

  @Test
  void autoIsFp16OnAGpuAndFp32OnTheCpu() {
    assertThat(Precision.AUTO.weightType(Device.gpu())).isEqualTo(DataType.FLOAT16);
    assertThat(Precision.AUTO.weightType(Device.cpu())).isEqualTo(DataType.FLOAT32);
    assertThat(Precision.FP16.weightType(Device.cpu())).isEqualTo(DataType.FLOAT16);
    assertThat(Precision.FP32.weightType(Device.gpu())).isEqualTo(DataType.FLOAT32);
    assertThat(Precision.parse(" FP16")).isEqualTo(Precision.FP16);
    assertThat(Precision.AUTO).hasToString("auto");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> Precision.parse("int8"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("auto, fp32 or fp16");
  }

  private static void checkAgainstReference(String name, float[] actual, int rows) {
    float[] reference = expected.floats(name);
    int dimension = reference.length / rows;
    double worstCosine = 1;
    for (int r = 0; r < rows; r++) {
      double dot = 0;
      for (int d = 0; d < dimension; d++) {
        dot += (double) actual[r * dimension + d] * reference[r * dimension + d];
      }
      worstCosine = Math.min(worstCosine, dot);
    }
    double maxAbs = ReferenceArrays.maxAbsDiff(reference, actual);
    System.out.printf("clip-tiny-a %s in fp16: worst cosine %.6f, max |diff| %.3g%n", name, worstCosine, maxAbs);
    assertThat(worstCosine).as(name + " worst cosine with the fp32 reference").isGreaterThanOrEqualTo(0.999);
    assertThat(maxAbs).as(name + " max |diff|").isLessThan(1e-2);
    // the products really ran in fp16: an fp32 run reproduces the reference to about 1e-7
    assertThat(maxAbs).as(name + ": fp16 rounding must show").isGreaterThan(1e-5);
  }
}
