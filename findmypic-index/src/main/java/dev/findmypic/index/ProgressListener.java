package dev.findmypic.index;

/** Receives {@link IndexProgress} events, on the indexing thread: keep it quick. */
@FunctionalInterface
public interface ProgressListener {
  /** A listener that ignores every event. */
  ProgressListener NONE = p -> { };

  /**
   * Takes one event.
   *
   * @param progress where the run stands
   */
  void onProgress(IndexProgress progress);
}
