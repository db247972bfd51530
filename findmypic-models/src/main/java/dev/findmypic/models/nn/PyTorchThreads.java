package dev.findmypic.models.nn;

import ai.djl.engine.Engine;
import ai.djl.pytorch.jni.JniUtils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sets the PyTorch engine's intra-op thread count (the threads one matrix product may use). The setting is
 * process-wide: libtorch keeps one value that every thread picks up, so the last model loaded with a thread count
 * decides it for all.
 */
public final class PyTorchThreads {
  private static final Logger LOG = LoggerFactory.getLogger(PyTorchThreads.class);

  private PyTorchThreads() {}

  /**
   * Starts the PyTorch engine if needed and sets its intra-op thread count.
   *
   * @param threads at least 1
   */
  public static void set(int threads) {
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be at least 1, got " + threads);
    }
    Engine.getEngine("PyTorch");
    if (JniUtils.getNumThreads() != threads) {
      LOG.debug("PyTorch intra-op threads: {} -> {}", JniUtils.getNumThreads(), threads);
      JniUtils.setNumThreads(threads);
    }
  }
}
