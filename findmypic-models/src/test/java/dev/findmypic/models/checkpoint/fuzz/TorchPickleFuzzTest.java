package dev.findmypic.models.checkpoint.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.findmypic.core.testing.FuzzHarness;
import dev.findmypic.core.testing.FuzzScratch;
import dev.findmypic.core.testing.SharedData;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Fuzzes the restricted torch-pickle reader, both the zip {@code torch.save} format (central directory, {@code data.pkl},
 * storages) and the legacy pickle format. Any global outside the unpickler's allow-list must end in a
 * {@code ModelFormatException}, never in a resolved class. Seeds: the committed corpus (including pickles that name
 * {@code os.system} and {@code builtins.eval}) and small real checkpoints in {@code ../shared}.
 */
class TorchPickleFuzzTest {
  private static final FuzzScratch SCRATCH = FuzzScratch.create("torch-pickle");

  @TestFactory
  Stream<DynamicTest> corpus() {
    return FuzzHarness.regression("torch-pickle",
        List.of(SharedData.path("reference/facenet-mtcnn/partial_zip.pt"),
            SharedData.path("reference/facenet-mtcnn/partial_legacy.pt"), SharedData.path("models/mtcnn-facenet-pytorch/pnet.pt")), 15, TorchPickleFuzzTest::target);
  }

  @FuzzTest(maxDuration = "2m")
  void fuzz(byte[] input) {
    FuzzHarness.check(input, TorchPickleFuzzTest::target);
  }

  private static void target(byte[] input) {
    CheckpointFuzzing.openAndReadAll(SCRATCH, "model.pt", input);
  }
}
