package dev.findmypic.core.store;

import java.util.List;

/**
 * What resolving a model would fetch, worked out without downloading anything.
 *
 * @param ref the model
 * @param files each file with its size and whether it is already cached
 */
public record ModelPlan(ModelRef ref, List<PlannedFile> files) {
  /** Copies the list. */
  public ModelPlan {
    files = List.copyOf(files);
  }

  /**
   * One file of a plan.
   *
   * @param path the file's path inside the model
   * @param bytes its size, or -1 if the source does not say
   * @param cached true if a verified copy is already on disk
   */
  public record PlannedFile(String path, long bytes, boolean cached) {}

  /** @return the bytes still to download (files of unknown size count as 0) */
  public long bytesToDownload() {
    return files.stream().filter(f -> !f.cached()).mapToLong(f -> Math.max(0, f.bytes())).sum();
  }
}
