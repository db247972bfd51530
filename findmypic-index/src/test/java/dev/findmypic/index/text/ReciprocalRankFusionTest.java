package dev.findmypic.index.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReciprocalRankFusionTest {
  @Test
  void anItemScoresOneOverSixtyPlusItsRankInEachRankingThatHoldsIt() {
    Map<String, Double> fused = ReciprocalRankFusion.fuse(List.of(List.of("a", "b", "c"), List.of("c", "a")));

    assertThat(fused.get("a")).isCloseTo(1.0 / 61 + 1.0 / 62, within(1e-15));
    assertThat(fused.get("b")).isCloseTo(1.0 / 62, within(1e-15));
    assertThat(fused.get("c")).isCloseTo(1.0 / 63 + 1.0 / 61, within(1e-15));
    assertThat(fused).hasSize(3);
  }

  @Test
  void agreementBeatsOneFirstPlace() {
    Map<String, Double> fused = ReciprocalRankFusion.fuse(List.of(List.of("solo", "both"), List.of("x", "both")));

    assertThat(fused.get("both")).isGreaterThan(fused.get("solo"));
  }

  @Test
  void theBestScoreIsFirstInEveryRanking() {
    assertThat(ReciprocalRankFusion.best(3)).isCloseTo(3.0 / 61, within(1e-15));
    assertThat(ReciprocalRankFusion.contribution(1)).isCloseTo(1.0 / 61, within(1e-15));
    assertThatThrownBy(() -> ReciprocalRankFusion.contribution(0)).isInstanceOf(IllegalArgumentException.class);
  }
}
