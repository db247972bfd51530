package dev.findmypic.index;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Where an indexing run's time went: for each stage, the time the pipeline's threads spent in it, summed over
 * threads, and its share of the total of all stages. The stages are {@value #HASH} and {@value #DECODE} (on the
 * decode threads), one per analyser ({@value #CLIP}, {@value #FACES}, {@value #OCR}, {@value #TEXT}, on the
 * inference thread, which waits while a model runs on its own threads), {@value #COMMIT} (catalogue transactions),
 * and two kinds of waiting: {@value #WAITING_FOR_PHOTOS} (the inference thread idle, so decoding is the
 * bottleneck) and {@value #WAITING_FOR_ANALYSIS} (the decode threads blocked on a full queue or on the budget of
 * pixels in flight, so inference is).
 * Stages that took no time are left out.
 *
 * @param stages the stages in pipeline order
 */
public record StageTimes(List<Stage> stages) {
  /** Hashing files (SHA-256), which finds moved and touched files. */
  public static final String HASH = "hash";
  /** Decoding photos. */
  public static final String DECODE = "decode";
  /** The CLIP image embedder. */
  public static final String CLIP = "clip";
  /** Face detection and recognition. */
  public static final String FACES = "faces";
  /** OCR. */
  public static final String OCR = "ocr";
  /** The text embedder over file names and OCR text. */
  public static final String TEXT = "text";
  /** Catalogue transactions. */
  public static final String COMMIT = "commit";
  /** The inference thread waiting for decoded photos. */
  public static final String WAITING_FOR_PHOTOS = "waiting for photos";
  /** The decode threads waiting for room in the inference queue or in the budget of pixels in flight. */
  public static final String WAITING_FOR_ANALYSIS = "waiting for analysis";

  /**
   * One stage's time.
   *
   * @param name the stage, one of the constants of {@link StageTimes}
   * @param time the time spent in it, summed over threads
   * @param share its part of the total of all stages, in [0, 1]
   */
  public record Stage(String name, Duration time, double share) {}

  /** Copies the list. */
  public StageTimes {
    stages = List.copyOf(stages);
  }

  /**
   * Finds a stage.
   *
   * @param name its name
   * @return the stage, or empty if it took no time
   */
  public Optional<Stage> get(String name) {
    return stages.stream().filter(s -> s.name().equals(name)).findFirst();
  }

  /** @return the stages as {@code decode 41.0 % (12.3 s), clip 30.2 % (9.1 s), ...} */
  @Override
  public String toString() {
    return stages.stream()
        .map(s -> String.format(Locale.ROOT, "%s %.1f %% (%.1f s)", s.name(), 100 * s.share(),
            s.time().toMillis() / 1000.0))
        .collect(Collectors.joining(", "));
  }
}
