package dev.findmypic.core;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * What a {@link ModelProvider} needs to open analysers.
 *
 * @param dataDir the library's data directory, where {@code config.json} and extracted models live
 * @param overrides explicit model choices per role: a local directory, or a Hub id with an optional
 *     {@code @revision}; these win over every other source
 * @param offline true to never touch the network (also implied by {@code HF_HUB_OFFLINE=1})
 * @param threads the number of threads a model may use for one inference, at least 1
 */
public record ModelSettings(Path dataDir, Map<ModelRole, String> overrides, boolean offline, int threads) {
  /** Checks and copies the arguments. */
  public ModelSettings {
    Objects.requireNonNull(dataDir, "dataDir");
    overrides = Map.copyOf(overrides);
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be at least 1, got " + threads);
    }
  }

  /**
   * Settings with no overrides, online unless {@code HF_HUB_OFFLINE} says otherwise, and one thread per core.
   *
   * @param dataDir the data directory
   * @return the settings
   */
  public static ModelSettings defaults(Path dataDir) {
    String off = System.getenv("HF_HUB_OFFLINE");
    boolean offline = off != null && (off.equals("1") || off.equalsIgnoreCase("true"));
    return new ModelSettings(dataDir, Map.of(), offline, Runtime.getRuntime().availableProcessors());
  }
}
