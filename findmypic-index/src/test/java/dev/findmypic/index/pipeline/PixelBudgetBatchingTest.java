package dev.findmypic.index.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.findmypic.index.IndexSummary;
import dev.findmypic.index.LibraryOptions;
import dev.findmypic.index.PhotoLibrary;
import dev.findmypic.index.testing.FakeClip;
import dev.findmypic.index.testing.FakeDecoder;
import dev.findmypic.index.testing.TestPhotos;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A batch goes to inference once its pictures hold half the pixel budget, so that decoding fills the other half
 * meanwhile: with room for four pictures, no batch has more than two, although the batch size is 16.
 */
class PixelBudgetBatchingTest {
  private static final int PHOTOS = 10;

  @TempDir Path tmp;

  @Test
  void batchesHoldAtMostHalfTheBudget() {
    for (int i = 0; i < PHOTOS; i++) {
      TestPhotos.write(tmp.resolve("photos/p" + i + ".png"), 0x0f0f0f * (i + 1), i + 1);
    }
    long pictureBytes = 3L * 48 * 40; // TestPhotos are 48 x 40
    ConcurrentLinkedQueue<Integer> batchSizes = new ConcurrentLinkedQueue<>();
    FakeClip clip = new FakeClip(pictures -> batchSizes.add(pictures.size()));
    IndexSummary summary;
    try (PhotoLibrary library = PhotoLibrary.open(tmp.resolve("data"), LibraryOptions.builder()
        .decoder(new FakeDecoder()).clip(clip).threads(2).batchSize(16).fileTimeout(Duration.ofSeconds(30))
        .pixelBytesInFlight(4 * pictureBytes).build())) {
      library.addRoot(tmp.resolve("photos"));
      summary = library.index(p -> { });
    }

    assertThat(summary.added()).isEqualTo(PHOTOS);
    assertThat(batchSizes.stream().mapToInt(Integer::intValue).sum()).isEqualTo(PHOTOS);
    assertThat(batchSizes).allSatisfy(size -> assertThat(size).isBetween(1, 2));
  }
}
