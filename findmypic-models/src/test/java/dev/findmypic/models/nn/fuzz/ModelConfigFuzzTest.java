package dev.findmypic.models.nn.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.findmypic.core.testing.FuzzHarness;
import dev.findmypic.core.testing.FuzzScratch;
import dev.findmypic.core.testing.SharedData;
import dev.findmypic.models.clip.ClipConfig;
import dev.findmypic.models.text.bert.BertConfig;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Fuzzes {@code config.json} loading: every input is read both as a CLIP config ({@link ClipConfig}) and as a BERT
 * config ({@link BertConfig}). Fields of the wrong JSON type, negative or huge sizes and heads that do not divide the
 * hidden size must end in a {@code ModelFormatException}. Seeds: the committed corpus and the configs in
 * {@code ../shared}.
 */
class ModelConfigFuzzTest {
  private static final FuzzScratch SCRATCH = FuzzScratch.create("config");

  @TestFactory
  Stream<DynamicTest> corpus() {
    return FuzzHarness.regression("model-config", List.of(SharedData.path("reference/clip-tiny-a/config.json"),
        SharedData.path("reference/bert-tiny-a/config.json")), 40, ModelConfigFuzzTest::target);
  }

  @FuzzTest(maxDuration = "2m")
  void fuzz(byte[] input) {
    FuzzHarness.check(input, ModelConfigFuzzTest::target);
  }

  private static void target(byte[] input) {
    try {
      FuzzHarness.check(input, bytes -> ClipConfig.read(SCRATCH.write("config.json", bytes)));
      BertConfig.read(SCRATCH.write("config.json", input));
    } finally {
      SCRATCH.assertOnly("config.json");
    }
  }
}
