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
 * Fuzzes the safetensors reader: the 8-byte header length, the JSON header (dtypes, shapes, offsets) and the data
 * region. Seeds: the committed corpus and the F16 CLIP checkpoint in {@code ../shared}.
 */
class SafetensorsFuzzTest {
  private static final FuzzScratch SCRATCH = FuzzScratch.create("safetensors");

  @TestFactory
  Stream<DynamicTest> corpus() {
    return FuzzHarness.regression("safetensors",
        List.of(SharedData.path("reference/clip-tiny-a/model.f16.safetensors")), 15, SafetensorsFuzzTest::target);
  }

  @FuzzTest(maxDuration = "2m")
  void fuzz(byte[] input) {
    FuzzHarness.check(input, SafetensorsFuzzTest::target);
  }

  private static void target(byte[] input) {
    CheckpointFuzzing.openAndReadAll(SCRATCH, "model.safetensors", input);
  }
}
