package dev.findmypic.index.pipeline;

import java.time.Duration;

/**
 * How an indexing run uses the machine.
 *
 * @param threads decode threads plus the inference thread; by default the number of cores
 * @param batchSize photos per inference batch and per catalogue transaction
 * @param fileTimeout how long one file may take to decode, or to analyse, before it is recorded as failed
 * @param pixelBytesInFlight how many bytes of decoded pixels may wait for or be in inference at once; a decode
 *     thread waits for room before it hands a photo on, so full-size 12 MP photos (36 MB each, decoded when OCR
 *     runs) cannot pile up in the queues
 */
public record PipelineOptions(int threads, int batchSize, Duration fileTimeout, long pixelBytesInFlight) {
  /** The default {@link #pixelBytesInFlight}: 256 MiB, seven full-size 12 MP photos or 450 decoded for CLIP alone. */
  public static final long DEFAULT_PIXEL_BYTES_IN_FLIGHT = 256L << 20;

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

  /** @return one thread per core, batches of 16, a minute per file, 256 MiB of pixels in flight */
  public static PipelineOptions defaults() {
    return new PipelineOptions(Runtime.getRuntime().availableProcessors(), 16, Duration.ofSeconds(60));
  }
}
