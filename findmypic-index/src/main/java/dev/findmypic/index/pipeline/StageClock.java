package dev.findmypic.index.pipeline;

import dev.findmypic.index.StageTimes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/** Adds up the time a run's threads spend in each stage; safe to use from every thread at once. */
final class StageClock {
  private static final List<String> ORDER = List.of(StageTimes.HASH, StageTimes.DECODE, StageTimes.CLIP,
      StageTimes.FACES, StageTimes.OCR, StageTimes.TEXT, StageTimes.COMMIT, StageTimes.WAITING_FOR_PHOTOS,
      StageTimes.WAITING_FOR_ANALYSIS);

  private final Map<String, LongAdder> nanos = new LinkedHashMap<>();

  StageClock() {
    ORDER.forEach(stage -> nanos.put(stage, new LongAdder()));
  }

  /**
   * Adds the time since {@code startNanos} to a stage.
   *
   * @param stage one of the {@link StageTimes} constants
   * @param startNanos a {@link System#nanoTime()} taken when the stage began
   */
  void stop(String stage, long startNanos) {
    nanos.get(stage).add(System.nanoTime() - startNanos);
  }

  /** @return each stage that took time, with its share of the total */
  StageTimes times() {
    long total = 0;
    for (LongAdder n : nanos.values()) {
      total += n.sum();
    }
    List<StageTimes.Stage> stages = new ArrayList<>();
    for (Map.Entry<String, LongAdder> e : nanos.entrySet()) {
      long n = e.getValue().sum();
      if (n > 0) {
        stages.add(new StageTimes.Stage(e.getKey(), Duration.ofNanos(n), (double) n / total));
      }
    }
    return new StageTimes(stages);
  }
}
