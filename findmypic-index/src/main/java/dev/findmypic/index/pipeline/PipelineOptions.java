package dev.findmypic.index.pipeline;

import java.time.Duration;

/**
 * How an indexing run uses the machine.
 *
 * @param threads decode threads plus the inference thread; by default the number of cores
 * @param batchSize photos per inference batch and per catalogue transaction
 * @param fileTimeout how long one file may take to decode, or to analyse, before it is recorded as failed
 * @param pixelBytesInFlight how many bytes of decoded pixels may wait for or be in inference at once; a decode
 *     thread waits for room before it hands a photo on, so large pictures (9 MB for a 12 MP photo decoded at 1/2 when
 *     OCR runs) cannot pile up in the queues; a batch goes to inference early once it holds half of this
 */
public record PipelineOptions(int threads, int batchSize, Duration fileTimeout, long pixelBytesInFlight) {
  /**
   * The default {@link #pixelBytesInFlight}: 96 MiB, ten 12 MP photos decoded at 1/2 for OCR (batches of about five
   * while the next five decode), or every photo in the queues when they are decoded small for CLIP alone. With every
   * model loaded it indexed 12 MP photos as fast as 256 MiB did, with less memory (benchmarks/pipeline/RESULTS.md).
   */
  public static final long DEFAULT_PIXEL_BYTES_IN_FLIGHT = 96L << 20;

  /** Checks the arguments. */
  public PipelineOptions {
    if (threads < 1 || batchSize < 1 || fileTimeout.isNegative() || fileTimeout.isZero() || pixelBytesInFlight < 1) {
      throw new IllegalArgumentException(
          "threads, batchSize and pixelBytesInFlight must be positive and the timeout more than zero");
    }
  }

  /**
   * Options with the default {@link #DEFAULT_PIXEL_BYTES_IN_FLIGHT}.
   *
   * @param threads decode threads plus the inference thread
   * @param batchSize photos per inference batch and per catalogue transaction
   * @param fileTimeout how long one file may take to decode, or to analyse
   */
  public PipelineOptions(int threads, int batchSize, Duration fileTimeout) {
    this(threads, batchSize, fileTimeout, DEFAULT_PIXEL_BYTES_IN_FLIGHT);
  }

  /** @return one thread per core, batches of 16, a minute per file, 96 MiB of pixels in flight */
  public static PipelineOptions defaults() {
    return new PipelineOptions(Runtime.getRuntime().availableProcessors(), 16, Duration.ofSeconds(60));
  }
}
