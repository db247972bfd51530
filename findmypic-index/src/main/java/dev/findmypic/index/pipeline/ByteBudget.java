package dev.findmypic.index.pipeline;

/**
 * A limit on the bytes held at once by the photos between decoding and the end of their analysis. A holder larger
 * than the whole limit is let in alone, so one huge photo cannot block the run.
 */
final class ByteBudget {
  private final long limit;
  private long used;

  ByteBudget(long limit) {
    this.limit = limit;
  }

  /**
   * Waits until {@code bytes} fit, then takes them.
   *
   * @param bytes the bytes to hold
   * @throws InterruptedException if interrupted while waiting
   */
  synchronized void acquire(long bytes) throws InterruptedException {
    long wanted = Math.min(bytes, limit);
    while (used > 0 && used + wanted > limit) {
      wait();
    }
    used += wanted;
  }

  /**
   * Gives back bytes taken by {@link #acquire}.
   *
   * @param bytes the same count as acquired
   */
  synchronized void release(long bytes) {
    used -= Math.min(bytes, limit);
    notifyAll();
  }
}
