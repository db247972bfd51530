package dev.findmypic.models.hardware;

import ai.djl.Device;
import ai.djl.util.cuda.CudaUtils;
import java.lang.management.MemoryUsage;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds CUDA GPUs through DJL's {@link CudaUtils}, which loads the CUDA runtime library if the system has one and
 * downloads nothing. On a machine without CUDA it answers an empty list; any failure while probing is logged and
 * treated as "no GPU".
 */
public final class CudaGpuProbe implements GpuProbe {
  private static final Logger LOG = LoggerFactory.getLogger(CudaGpuProbe.class);

  @Override
  public List<HardwareProfile.Gpu> gpus() {
    List<HardwareProfile.Gpu> gpus = new ArrayList<>();
    try {
      if (!CudaUtils.hasCuda()) {
        return gpus;
      }
      int count = CudaUtils.getGpuCount();
      for (int i = 0; i < count; i++) {
        MemoryUsage mem = CudaUtils.getGpuMemory(Device.gpu(i));
        String cc;
        try {
          cc = CudaUtils.getComputeCapability(i);
        } catch (RuntimeException e) {
          cc = "";
        }
        gpus.add(new HardwareProfile.Gpu(i, cc, mem.getMax()));
      }
    } catch (Throwable t) { // a broken driver or library must not stop FindMyPic: it runs on the CPU then
      LOG.warn("CUDA GPU probe failed ({}); continuing on the CPU", t.toString());
      return List.of();
    }
    return gpus;
  }
}
