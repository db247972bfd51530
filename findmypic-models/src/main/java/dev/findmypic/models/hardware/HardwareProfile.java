package dev.findmypic.models.hardware;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * The hardware the models run on, as far as the tier choice cares.
 *
 * @param gpus the CUDA GPUs, empty on a CPU-only machine
 * @param ramBytes the machine's physical memory
 * @param cores the processors available to the JVM
 */
public record HardwareProfile(List<Gpu> gpus, long ramBytes, int cores) {
  /** Copies the list. */
  public HardwareProfile {
    gpus = List.copyOf(Objects.requireNonNull(gpus, "gpus"));
  }

  /**
   * One CUDA GPU.
   *
   * @param index its CUDA device index
   * @param computeCapability for example {@code 90}, or empty if unknown
   * @param vramBytes its total memory
   */
  public record Gpu(int index, String computeCapability, long vramBytes) {}

  /** @return the memory of the largest GPU, 0 without one (a model must fit on one GPU) */
  public long maxVramBytes() {
    return gpus.stream().map(Gpu::vramBytes).max(Comparator.naturalOrder()).orElse(0L);
  }

  /** @return for example {@code 1 GPU (80.0 GiB), 64.0 GiB RAM, 16 cores} */
  public String describe() {
    String gpu = gpus.isEmpty() ? "no CUDA GPU" : gpus.size() + " GPU" + (gpus.size() > 1 ? "s" : "")
        + " (largest " + gib(maxVramBytes()) + ")";
    return gpu + ", " + gib(ramBytes) + " RAM, " + cores + " cores";
  }

  static String gib(long bytes) {
    return String.format(java.util.Locale.ROOT, "%.1f GiB", bytes / (double) (1L << 30));
  }
}
