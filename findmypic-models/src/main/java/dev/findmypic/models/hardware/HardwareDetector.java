package dev.findmypic.models.hardware;

import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;

/** Detects the machine's GPUs, memory and cores. */
public final class HardwareDetector {
  private HardwareDetector() {}

  /** @return this machine's hardware, with GPUs found through CUDA */
  public static HardwareProfile detect() {
    return detect(new CudaGpuProbe());
  }

  /**
   * @param probe how to find GPUs
   * @return this machine's memory and cores with the GPUs the probe finds
   */
  public static HardwareProfile detect(GpuProbe probe) {
    return new HardwareProfile(probe.gpus(), physicalMemory(), Runtime.getRuntime().availableProcessors());
  }

  private static long physicalMemory() {
    OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
    if (os instanceof com.sun.management.OperatingSystemMXBean) {
      return ((com.sun.management.OperatingSystemMXBean) os).getTotalMemorySize();
    }
    return Runtime.getRuntime().maxMemory();
  }
}
