package dev.findmypic.index.vectors;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * An HNSW graph that grows past its capacity while other threads search it. hnswlib's {@code resize} replaces the
 * pool of visited-sets that a search in flight returns its set to, which used to fail that search with
 * "IllegalStateException: Queue full" (found by the load test, {@code IndexingUnderLoadTest}).
 */
class HnswGrowthUnderSearchTest {
  private static final int VECTORS = 1_000;
  private static final int SEARCHERS = 4;

  @Test
  void searchesBesideGrowthNeverFail() throws InterruptedException {
    float[][] data = SyntheticVectors.clustered(VECTORS, 16, 8, 3);
    HnswVectorIndex index = new HnswVectorIndex(16, 16, 64);
    index.add(0, data[0]);
    AtomicBoolean adding = new AtomicBoolean(true);
    ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();
    List<Thread> searchers = new ArrayList<>();
    for (int t = 0; t < SEARCHERS; t++) {
      int first = t;
      Thread searcher = new Thread(() -> {
        for (int n = first; adding.get(); n++) {
          try {
            index.search(data[n % VECTORS], 10, null);
          } catch (RuntimeException e) {
            failures.add(e);
          }
        }
      });
      searcher.start();
      searchers.add(searcher);
    }
    for (int i = 1; i < VECTORS; i++) {
      index.add(i, data[i]);
    }
    adding.set(false);
    for (Thread t : searchers) {
      t.join();
    }
    assertThat(failures).isEmpty();
    assertThat(index.size()).isEqualTo(VECTORS);
    assertThat(index.search(data[123], 1, null).get(0).id()).isEqualTo(123);
  }
}
