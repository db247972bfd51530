package dev.findmypic.models.checkpoint.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.findmypic.core.testing.FuzzHarness;
import dev.findmypic.core.testing.FuzzScratch;
import dev.findmypic.core.testing.SharedData;
import dev.findmypic.models.checkpoint.TensorArrays;
import dev.findmypic.models.checkpoint.TfjsWeights;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Fuzzes the TF.js weights-manifest reader: the manifest is the input, beside a fixed 64-byte {@code w.bin}. Paths
 * that leave the directory, shapes that overflow and quantisation fields of the wrong type must all end in a
 * {@code ModelFormatException}. Seeds: the committed corpus and face-api.js's real manifest in {@code ../shared}.
 */
class TfjsManifestFuzzTest {
  private static final FuzzScratch SCRATCH = FuzzScratch.create("tfjs");
  private static final byte[] WEIGHTS = new byte[64];

  @TestFactory
  Stream<DynamicTest> corpus() {
    return FuzzHarness.regression("tfjs-manifest",
        List.of(SharedData.path("models/face-api-recognition/face_recognition_model-weights_manifest.json")), 25,
        TfjsManifestFuzzTest::target);
  }

  @FuzzTest(maxDuration = "2m")
  void fuzz(byte[] input) {
    FuzzHarness.check(input, TfjsManifestFuzzTest::target);
  }

  private static void target(byte[] input) {
    SCRATCH.write("w.bin", WEIGHTS);
    try (TfjsWeights weights = TfjsWeights.open(SCRATCH.write("manifest.json", input))) {
      for (String name : weights.names()) {
        TensorArrays.toFloats(weights.get(name));
      }
    } finally {
      SCRATCH.assertOnly("w.bin", "manifest.json");
    }
  }
}
