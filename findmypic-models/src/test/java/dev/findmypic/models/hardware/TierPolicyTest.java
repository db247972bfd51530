package dev.findmypic.models.hardware;

import static org.assertj.core.api.Assertions.assertThat;

import dev.findmypic.core.ModelRole;
import dev.findmypic.models.store.ModelCatalog;
import java.util.List;
import org.junit.jupiter.api.Test;

class TierPolicyTest {
  static final long GIB = 1L << 30;
  static final long MIB = 1L << 20;

  static HardwareProfile withGpus(long... vram) {
    List<HardwareProfile.Gpu> gpus = new java.util.ArrayList<>();
    for (int i = 0; i < vram.length; i++) {
      gpus.add(new HardwareProfile.Gpu(i, "86", vram[i]));
    }
    return new HardwareProfile(gpus, 32 * GIB, 8);
  }

  @Test
  void cpuOnlyGetsTheSmallTier() {
    assertThat(TierPolicy.tierFor(withGpus())).isEqualTo(Tier.SMALL);
    assertThat(Tier.SMALL.clip()).isEqualTo(ModelCatalog.CLIP_VIT_BASE_PATCH32);
  }

  @Test
  void gpuMemoryPicksTheTier() {
    assertThat(TierPolicy.tierFor(withGpus(2 * GIB))).isEqualTo(Tier.SMALL); // e.g. a 2 GB laptop GPU
    assertThat(TierPolicy.tierFor(withGpus(3 * GIB))).isEqualTo(Tier.SMALL);
    assertThat(TierPolicy.tierFor(withGpus(3935 * MIB))).isEqualTo(Tier.BASE); // a "4 GB" card as CUDA reports it
    assertThat(TierPolicy.tierFor(withGpus(6 * GIB))).isEqualTo(Tier.BASE);
    assertThat(TierPolicy.tierFor(withGpus(7979 * MIB))).isEqualTo(Tier.LARGE); // an "8 GB" card
    assertThat(TierPolicy.tierFor(withGpus(24 * GIB))).isEqualTo(Tier.LARGE);
    assertThat(Tier.BASE.clip()).isEqualTo(ModelCatalog.CLIP_VIT_BASE_PATCH16);
    assertThat(Tier.LARGE.clip()).isEqualTo(ModelCatalog.CLIP_VIT_LARGE_PATCH14);
  }

  @Test
  void theLargestSingleGpuCountsNotTheSum() {
    assertThat(TierPolicy.tierFor(withGpus(3 * GIB, 3 * GIB, 3 * GIB))).isEqualTo(Tier.SMALL);
    assertThat(TierPolicy.tierFor(withGpus(2 * GIB, 16 * GIB))).isEqualTo(Tier.LARGE);
  }

  @Test
  void everyTierUsesTheSameTextFaceAndOcrModelsAndGrowsItsBatches() {
    for (Tier t : Tier.values()) {
      assertThat(t.seeds().get(ModelRole.TEXT).refs()).containsExactly(ModelCatalog.MINILM_L6_V2);
      assertThat(t.seeds().get(ModelRole.FACES).refs()).containsExactly(ModelCatalog.MTCNN,
          ModelCatalog.FACENET_VGGFACE2);
      assertThat(t.seeds().get(ModelRole.OCR).refs()).containsExactly(ModelCatalog.EASYOCR_CRAFT,
          ModelCatalog.EASYOCR_ENGLISH_G2);
      assertThat(t.seeds().get(ModelRole.CLIP).refs()).containsExactly(t.clip());
    }
    assertThat(Tier.LARGE.batchSizes().clip()).isGreaterThan(Tier.BASE.batchSizes().clip());
    assertThat(Tier.BASE.batchSizes().clip()).isGreaterThan(Tier.SMALL.batchSizes().clip());
  }

  @Test
  void cudaProbeOnAMachineWithoutCudaFindsNothingAndDoesNotThrow() {
    // this machine has no CUDA runtime; the probe must answer, not crash or download
    HardwareProfile hw = HardwareDetector.detect();

    assertThat(hw.cores()).isPositive();
    assertThat(hw.ramBytes()).isPositive();
    if (!java.nio.file.Files.exists(java.nio.file.Path.of("/dev/nvidiactl"))) {
      assertThat(hw.gpus()).isEmpty();
    }
  }
}
