package dev.findmypic.models;

import ai.djl.engine.Engine;
import java.util.ArrayList;
import java.util.List;

/** Describes the inference engines whose natives are on the class path, for diagnostics such as {@code doctor}. */
public final class EngineReport {
  private EngineReport() {}

  /**
   * Starts each engine (from the natives in its jar; nothing is downloaded) and reports its version and device.
   *
   * @return for example {@code PyTorch 2.7.1 (CPU), OnnxRuntime 1.22.0 (CPU)}
   */
  public static String describe() {
    List<String> found = new ArrayList<>();
    for (String name : List.of("PyTorch", "OnnxRuntime")) {
      try {
        Engine engine = Engine.getEngine(name);
        found.add(name + " " + engine.getVersion() + (engine.getGpuCount() > 0 ? " (GPU)" : " (CPU)"));
      } catch (RuntimeException | UnsatisfiedLinkError e) {
        found.add(name + " unavailable: " + e.getMessage());
      }
    }
    return String.join(", ", found);
  }
}
