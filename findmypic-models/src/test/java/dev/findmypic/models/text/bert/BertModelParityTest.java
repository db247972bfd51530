package dev.findmypic.models.text.bert;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDManager;
import dev.findmypic.core.Vectors;
import dev.findmypic.core.testing.SharedData;
import dev.findmypic.models.nn.MeanPooling;
import dev.findmypic.models.nn.TokenBatch;
import dev.findmypic.models.nn.CheckpointWeights;
import dev.findmypic.models.testing.ReferenceArrays;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** BERT (MiniLM architecture) against transformers' outputs for bert-tiny-a, from the same ids and F32 weights. */
class BertModelParityTest {
  private static final double TOLERANCE = 1e-4;
  private static final Path DIR = SharedData.path("reference/bert-tiny-a");

  private static NDManager manager;
  private static ReferenceArrays expected;
  private static BertModel model;

  @BeforeAll
  static void load() throws Exception {
    manager = NDManager.newBaseManager("PyTorch");
    expected = ReferenceArrays.read(manager, DIR.resolve("expected.safetensors"));
    try (CheckpointWeights weights = CheckpointWeights.open(DIR.resolve("model.safetensors"), manager, "bert.")) {
      model = BertModel.load(BertConfig.read(DIR.resolve("config.json")), weights);
    }
  }

  @AfterAll
  static void close() {
    manager.close();
  }

  @Test
  void hiddenStatesPoolerAndSentenceEmbeddingsMatchTransformers() {
    assertThat(expected.longs("token_type_ids")).as("the reference uses one segment").containsOnly(0L);
    TokenBatch batch = new TokenBatch(13, 128, expected.longs("input_ids"), expected.longs("attention_mask"));
    try (NDManager scope = manager.newSubManager()) {
      BertOutput out = model.encode(scope, batch);
      assertClose("last_hidden_state", out.lastHiddenState().toFloatArray());
      assertClose("pooler_output", out.pooled().toFloatArray());
      float[] sentences = MeanPooling.apply(out.lastHiddenState().toFloatArray(), batch.mask(), 13, 128, 32);
      for (int row = 0; row < 13; row++) {
        float[] v = Vectors.normalizeInPlace(Arrays.copyOfRange(sentences, row * 32, (row + 1) * 32));
        System.arraycopy(v, 0, sentences, row * 32, 32);
      }
      assertClose("sentence_embedding", sentences);
    }
  }

  private static void assertClose(String name, float[] actual) {
    double diff = ReferenceArrays.maxAbsDiff(expected.floats(name), actual);
    System.out.printf("bert-tiny-a %s: max |diff| = %.3g%n", name, diff);
    assertThat(diff).as(name).isLessThan(TOLERANCE);
  }
}
