package dev.findmypic.models.nn.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.findmypic.core.testing.FuzzHarness;
import dev.findmypic.core.testing.FuzzScratch;
import dev.findmypic.core.testing.SharedData;
import dev.findmypic.models.nn.TextTokenizer;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Fuzzes {@code tokenizer.json} loading through {@link TextTokenizer} (DJL's native Hugging Face tokenizers): a
 * hostile file must end in a {@code ModelFormatException}, and a file that loads must encode text. Seeds: the
 * committed corpus (minimal WordLevel and BPE tokenizers) and MiniLM's real tokenizer in {@code ../shared}.
 */
class TokenizerJsonFuzzTest {
  private static final FuzzScratch SCRATCH = FuzzScratch.create("tokenizer");

  @TestFactory
  Stream<DynamicTest> corpus() {
    return FuzzHarness.regression("tokenizer-json",
        List.of(SharedData.path("reference/bert-tiny-a/tokenizer.json")), 3, TokenizerJsonFuzzTest::target);
  }

  @FuzzTest(maxDuration = "2m")
  void fuzz(byte[] input) {
    FuzzHarness.check(input, TokenizerJsonFuzzTest::target);
  }

  private static void target(byte[] input) {
    try (TextTokenizer tokenizer = TextTokenizer.open(SCRATCH.write("tokenizer.json", input), 16, 0)) {
      tokenizer.encode(List.of("a cat and a dog", "", "日本語 🐱"));
    } finally {
      SCRATCH.assertOnly("tokenizer.json");
    }
  }
}
