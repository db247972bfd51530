package dev.findmypic.cli;

import java.util.function.Supplier;

/**
 * Lets long work stop cleanly on Ctrl-C: the JVM's shutdown hook interrupts the working thread, which finishes and
 * commits its current batch, and waits for it, so that the next run resumes where this one stopped.
 */
final class CtrlC {
  private static volatile boolean shuttingDown;

  private CtrlC() {}

  /** @return true once Ctrl-C (or another signal) has started the JVM's shutdown */
  static boolean shuttingDown() {
    return shuttingDown;
  }

  /**
   * Runs work on this thread; on Ctrl-C interrupts it and waits up to a minute for it to finish.
   *
   * @param work work that treats an interrupt as a request to stop at the next safe point
   * @param <T> its result
   * @return the work's result
   */
  static <T> T run(Supplier<T> work) {
    Thread worker = Thread.currentThread();
    Thread hook = new Thread(() -> {
      shuttingDown = true;
      worker.interrupt();
      try {
        worker.join(60_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }, "findmypic-ctrl-c");
    Runtime.getRuntime().addShutdownHook(hook);
    try {
      return work.get();
    } finally {
      if (!shuttingDown) {
        Runtime.getRuntime().removeShutdownHook(hook);
      }
    }
  }
}
