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

/** CRAFT with the deterministic weights against EasyOCR's PyTorch outputs in {@code reference.safetensors}. */
class CraftNetTest {
  private static final double TOLERANCE = 1e-4;
  private static NDManager manager;
  private static CraftNet net;

  @BeforeAll
  static void load() {
    manager = NDManager.newBaseManager("PyTorch");
    try (DeterministicWeights weights = DeterministicWeights.fromKeys(
        SharedData.path("reference/easyocr/craft_state_dict_keys.txt"), "module.")) {
      net = CraftNet.load(new StateDict(weights), manager);
    }
  }

  @AfterAll
  static void close() {
    manager.close();
  }

  @Test
  void deterministicInputMatchesEveryOutput() {
    ReferenceTensors ref = ReferenceTensors.load();
    float[] input = DeterministicWeights.input("easyocr.craft.input", 3 * 96 * 128);
    assertThat(ReferenceTensors.maxAbsDiff(ref.floats("craft.det.input"), input)).isZero();
    try (NDManager call = manager.newSubManager()) {
      CraftNet.Outputs out = net.forward(call.create(input, new Shape(1, 3, 96, 128)));
      assertClose(ref, "craft.det.basenet.relu5_3", out.relu53());
      assertClose(ref, "craft.det.basenet.fc7", out.fc7());
      assertClose(ref, "craft.det.feature", out.feature());
      assertClose(ref, "craft.det.y", out.y());
    }
  }

  @Test
  void photoInputGivesTheReferenceMaps() {
    ReferenceTensors ref = ReferenceTensors.load();
    try (NDManager call = manager.newSubManager()) {
      CraftNet.Outputs out = net.forward(call.create(ref.floats("craft.photo.input"), new Shape(1, 3, 352, 352)));
      NDArray y = out.y();
      assertClose(ref, "craft.photo.region", y.get(":, :, :, 0").squeeze(0));
      assertClose(ref, "craft.photo.affinity", y.get(":, :, :, 1").squeeze(0));
    }
  }

  private static void assertClose(ReferenceTensors ref, String name, NDArray actual) {
    assertThat(actual.getShape().getShape()).as(name).containsExactly(ref.shape(name));
    double diff = ReferenceTensors.maxAbsDiff(ref.floats(name), actual.toFloatArray());
    System.out.printf("%s max |diff| = %.3g%n", name, diff);
    assertThat(diff).as(name).isLessThan(TOLERANCE);
  }
}
