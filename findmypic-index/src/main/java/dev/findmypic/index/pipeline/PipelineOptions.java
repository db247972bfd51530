package dev.findmypic.index.pipeline;

import java.time.Duration;

/**
 * How an indexing run uses the machine.
 *
 * @param threads decode threads plus the inference thread; by default the number of cores
 * @param batchSize photos per inference batch and per catalogue transaction
 * @param fileTimeout how long one file may take to decode, or to analyse, before it is recorded as failed
 */
public record PipelineOptions(int threads, int batchSize, Duration fileTimeout) {
  /** Checks the arguments. */
  public PipelineOptions {
    if (threads < 1 || batchSize < 1 || fileTimeout.isNegative() || fileTimeout.isZero()) {
      throw new IllegalArgumentException("threads and batchSize must be positive and the timeout more than zero");
    }
  }

  /** @return one thread per core, batches of 16, a minute per file */
  public static PipelineOptions defaults() {
    return new PipelineOptions(Runtime.getRuntime().availableProcessors(), 16, Duration.ofSeconds(60));
  }
}
