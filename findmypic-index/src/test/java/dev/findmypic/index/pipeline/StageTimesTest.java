package dev.findmypic.index.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.findmypic.core.ModelInfo;
import dev.findmypic.core.OcrEngine;
import dev.findmypic.core.OcrResult;
import dev.findmypic.core.Picture;
import dev.findmypic.index.IndexSummary;
import dev.findmypic.index.LibraryOptions;
import dev.findmypic.index.PhotoLibrary;
import dev.findmypic.index.StageTimes;
import dev.findmypic.index.testing.FakeClip;
import dev.findmypic.index.testing.FakeDecoder;
import dev.findmypic.index.testing.FakeFaces;
import dev.findmypic.index.testing.FakeOcr;
import dev.findmypic.index.testing.TestPhotos;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The summary's time per stage, with analysers whose cost is known: CLIP 80 ms a photo, OCR 30 ms, faces free. */
class StageTimesTest {
  private static final int PHOTOS = 12;
  private static final long CLIP_MS = 80;
  private static final long OCR_MS = 30;

  @TempDir Path tmp;

  @Test
  void sharesAddUpAndRankTheAnalysersByCost() {
    for (int i = 0; i < PHOTOS; i++) {
      TestPhotos.write(tmp.resolve("photos/p" + i + ".png"), 0x101010 * (i + 1), i + 1);
    }
    IndexSummary summary;
    try (PhotoLibrary library = PhotoLibrary.open(tmp.resolve("data"), LibraryOptions.builder()
        .decoder(new FakeDecoder()).clip(new FakeClip(pictures -> sleep(CLIP_MS * pictures.size()))).faces(new FakeFaces()).ocr(new SlowOcr())
        .threads(2).batchSize(4).fileTimeout(Duration.ofSeconds(30)).build())) {
      library.addRoot(tmp.resolve("photos"));
      summary = library.index(p -> { });
    }
    assertThat(summary.added()).isEqualTo(PHOTOS);
    StageTimes times = summary.stageTimes();

    assertThat(times.stages().stream().mapToDouble(StageTimes.Stage::share).sum()).isCloseTo(1.0, within(1e-9));
    Duration total = times.stages().stream().map(StageTimes.Stage::time).reduce(Duration.ZERO, Duration::plus);
    for (StageTimes.Stage s : times.stages()) {
      assertThat(s.share()).isCloseTo((double) s.time().toNanos() / total.toNanos(), within(1e-9));
    }

    Duration clip = time(times, StageTimes.CLIP);
    Duration ocr = time(times, StageTimes.OCR);
    Duration faces = time(times, StageTimes.FACES);
    assertThat(clip).isGreaterThanOrEqualTo(Duration.ofMillis(PHOTOS * CLIP_MS));
    assertThat(ocr).isGreaterThanOrEqualTo(Duration.ofMillis(PHOTOS * OCR_MS));
    assertThat(clip).isGreaterThan(ocr);
    assertThat(ocr).isGreaterThan(faces);
    assertThat(times.stages().stream().max(Comparator.comparing(StageTimes.Stage::time)).orElseThrow().name())
        .isEqualTo(StageTimes.CLIP);
    assertThat(times.get(StageTimes.DECODE)).isPresent();
    assertThat(times.get(StageTimes.COMMIT)).isPresent();
    assertThat(times.get(StageTimes.TEXT)).as("no text embedder was configured").isEmpty();
    // the analysers run one after another on one thread, so together they fit in the run's wall time
    assertThat(clip.plus(ocr).plus(faces)).isLessThanOrEqualTo(summary.elapsed());
    assertThat(times.toString()).startsWith("hash ").contains("clip ", "ocr ", " %");
  }

  private static Duration time(StageTimes times, String stage) {
    return times.get(stage).map(StageTimes.Stage::time).orElse(Duration.ZERO);
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  /** {@link FakeOcr} taking {@value #OCR_MS} ms a photo. */
  private static final class SlowOcr implements OcrEngine {
    private final FakeOcr ocr = new FakeOcr();

    @Override
    public ModelInfo info() {
      return ocr.info();
    }

    @Override
    public OcrResult read(Picture picture) {
      sleep(OCR_MS);
      return ocr.read(picture);
    }

    @Override
    public void close() {}
  }
}
