package dev.findmypic.models.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Checks the hash against the worked examples of DETERMINISTIC_WEIGHTS.md. */
class DeterministicWeightsTest {
  @Test
  void reproducesTheWorkedExamples() {
    assertThat(DeterministicWeights.u("conv2d_1a.conv.weight", 0)).isEqualTo(0.9362995319534093);
    assertThat(DeterministicWeights.u("conv2d_1a.bn.running_var", 3)).isEqualTo(0.5666290991939604);
    assertThat(DeterministicWeights.u("last_linear.weight", 4)).isEqualTo(0.5987596730701625);
    assertThat(DeterministicWeights.input("input.0", 5)).containsExactly(0.2116276f, -0.62247217f, -0.17237072f,
        -0.9551961f, -0.12760366f);
  }
}
