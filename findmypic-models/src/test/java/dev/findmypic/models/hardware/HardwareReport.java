package dev.findmypic.models.hardware;

/** Prints the hardware found and the tier it gets; run on a GPU machine to check the CUDA probe for real. */
public final class HardwareReport {
  private HardwareReport() {}

  /**
   * @param args unused
   */
  public static void main(String[] args) {
    long t0 = System.nanoTime();
    HardwareProfile hw = HardwareDetector.detect();
    double ms = (System.nanoTime() - t0) / 1e6;
    System.out.println("hardware: " + hw.describe());
    for (HardwareProfile.Gpu g : hw.gpus()) {
      System.out.println("gpu " + g.index() + ": compute capability " + g.computeCapability() + ", "
          + HardwareProfile.gib(g.vramBytes()));
    }
    Tier tier = TierPolicy.tierFor(hw);
    System.out.println("tier: " + tier + " -> " + tier.clip().repoId() + ", batch sizes " + tier.batchSizes());
    System.out.printf(java.util.Locale.ROOT, "probe took %.1f ms%n", ms);
  }
}
