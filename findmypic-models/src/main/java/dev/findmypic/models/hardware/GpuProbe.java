package dev.findmypic.models.hardware;

import java.util.List;

/** Finds the machine's CUDA GPUs. Tests pass their own to simulate hardware. */
@FunctionalInterface
public interface GpuProbe {
  /**
   * @return the GPUs, empty if there is none or CUDA is not usable; never throws
   */
  List<HardwareProfile.Gpu> gpus();
}
