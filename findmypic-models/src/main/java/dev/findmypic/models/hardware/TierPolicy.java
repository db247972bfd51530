package dev.findmypic.models.hardware;

/**
 * Maps hardware to a {@link Tier} by the memory of its largest GPU: 8 GB or more is {@link Tier#LARGE}, 4 to 8 GB
 * {@link Tier#BASE}, less or no GPU {@link Tier#SMALL}. A card sold as "8 GB" reports a little less to CUDA (the
 * driver keeps some), so the limits are 7.5 and 3.5 GiB.
 */
public final class TierPolicy {
  /** The least GPU memory for {@link Tier#LARGE}. */
  public static final long LARGE_MIN_VRAM = 15L << 29; // 7.5 GiB
  /** The least GPU memory for {@link Tier#BASE}. */
  public static final long BASE_MIN_VRAM = 7L << 29; // 3.5 GiB

  private TierPolicy() {}

  /**
   * @param hardware the machine
   * @return its tier
   */
  public static Tier tierFor(HardwareProfile hardware) {
    long vram = hardware.maxVramBytes();
    if (vram >= LARGE_MIN_VRAM) {
      return Tier.LARGE;
    }
    if (vram >= BASE_MIN_VRAM) {
      return Tier.BASE;
    }
    return Tier.SMALL;
  }
}
