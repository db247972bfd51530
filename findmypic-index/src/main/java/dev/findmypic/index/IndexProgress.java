package dev.findmypic.index;

import java.time.Duration;

/**
 * Where an indexing run stands, reported to a {@link ProgressListener} after every committed batch and when the stage
 * changes.
 *
 * @param stage what the run is doing now
 * @param filesDone files analysed (or failed, or moved) and committed so far
 * @param filesTotal files that need work in this run (unchanged files are not counted)
 * @param bytesDone bytes of the files done
 * @param bytesTotal bytes of the files that need work
 * @param filesPerSecond the average rate so far
 * @param eta the estimated time left, or null before the rate is known
 */
public record IndexProgress(
    Stage stage, long filesDone, long filesTotal, long bytesDone, long bytesTotal, double filesPerSecond,
    Duration eta) {

  /** The stages of a run, in order. */
  public enum Stage {
    /** Walking the roots and comparing with the catalogue. */
    DISCOVERING,
    /** Decoding, analysing and committing the files that need work. */
    ANALYSING,
    /** Removing files that are gone from disk. */
    REMOVING,
    /** Finished (or cancelled). */
    DONE
  }
}
