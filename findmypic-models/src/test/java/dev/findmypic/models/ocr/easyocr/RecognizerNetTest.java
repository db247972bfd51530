package dev.findmypic.models.ocr.easyocr;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.findmypic.core.testing.SharedData;
import dev.findmypic.models.checkpoint.DeterministicWeights;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The english_g2 recogniser with deterministic weights against EasyOCR's PyTorch outputs. */
class RecognizerNetTest {
  private static final double TOLERANCE = 1e-4;
  private static NDManager manager;
  private static RecognizerNet net;

  @BeforeAll
  static void load() {
    manager = NDManager.newBaseManager("PyTorch");
    try (DeterministicWeights weights = DeterministicWeights.fromKeys(
        SharedData.path("reference/easyocr/recognizer_state_dict_keys.txt"), "module.")) {
      net = RecognizerNet.load(new StateDict(weights), 97, manager);
    }
  }

  @AfterAll
  static void close() {
    manager.close();
  }

  @Test
  void deterministicInputMatchesEveryStage() {
    ReferenceTensors ref = ReferenceTensors.load();
    float[] input = DeterministicWeights.input("easyocr.recognizer.input", 2 * 64 * 160);
    assertThat(ReferenceTensors.maxAbsDiff(ref.floats("rec.input"), input)).isZero();
    try (NDManager call = manager.newSubManager()) {
      RecognizerNet.Outputs out = net.forward(call.create(input, new Shape(2, 1, 64, 160)));
      assertClose(ref, "rec.visual_feature", out.visual());
      assertClose(ref, "rec.pooled_feature", out.pooled());
      assertClose(ref, "rec.contextual_feature", out.contextual());
      assertClose(ref, "rec.logits", out.logits());
      assertClose(ref, "rec.log_softmax", out.logits().logSoftmax(2));
      long[] argmax = out.logits().argMax(2).toLongArray();
      assertThat(argmax).containsExactly(ref.longs("rec.argmax"));
    }
  }

  @Test
  void eachCropAloneGivesTheSameLogitsAsInTheBatch() {
    ReferenceTensors ref = ReferenceTensors.load();
    float[] input = ref.floats("rec.input");
    float[] second = java.util.Arrays.copyOfRange(input, 64 * 160, 2 * 64 * 160);
    float[] logits = ref.floats("rec.logits");
    try (NDManager call = manager.newSubManager()) {
      NDArray out = net.forward(call.create(second, new Shape(1, 1, 64, 160))).logits();
      double diff = ReferenceTensors.maxAbsDiff(java.util.Arrays.copyOfRange(logits, 39 * 97, 2 * 39 * 97),
          out.toFloatArray());
      assertThat(diff).isLessThan(TOLERANCE);
    }
  }

  private static void assertClose(ReferenceTensors ref, String name, NDArray actual) {
    assertThat(actual.getShape().getShape()).as(name).containsExactly(ref.shape(name));
    double diff = ReferenceTensors.maxAbsDiff(ref.floats(name), actual.toFloatArray());
    System.out.printf("%s max |diff| = %.3g%n", name, diff);
    assertThat(diff).as(name).isLessThan(TOLERANCE);
  }
}
