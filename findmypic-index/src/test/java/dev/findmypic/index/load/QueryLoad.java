package dev.findmypic.index.load;

import dev.findmypic.index.PhotoLibrary;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Threads that run {@link QueryMix} queries against a library without pause until stopped, timing each query under
 * the phase that was current when it started ("indexing", "at rest", ...) and keeping every failure.
 */
public final class QueryLoad implements AutoCloseable {
  private final PhotoLibrary library;
  private final QueryMix mix;
  private final List<Thread> threads = new ArrayList<>();
  private final Map<String, ConcurrentLinkedQueue<Long>> nanosByPhase = new ConcurrentHashMap<>();
  private final ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
  private volatile String phase;
  private volatile boolean running = true;

  /**
   * Starts the threads.
   *
   * @param library the library to query
   * @param mix the queries
   * @param threads how many threads
   * @param phase the first phase's name
   */
  public QueryLoad(PhotoLibrary library, QueryMix mix, int threads, String phase) {
    this.library = library;
    this.mix = mix;
    this.phase = phase;
    for (int i = 0; i < threads; i++) {
      int first = i;
      Thread t = new Thread(() -> loop(first), "load-query-" + i);
      t.setDaemon(true);
      this.threads.add(t);
    }
    this.threads.forEach(Thread::start);
  }

  private void loop(int first) {
    QueryKind[] kinds = QueryKind.values();
    for (int n = first; running; n++) {
      QueryKind kind = kinds[n % kinds.length];
      String current = phase;
      long start = System.nanoTime();
      try {
        mix.run(library, kind, n);
        nanosByPhase.computeIfAbsent(current, p -> new ConcurrentLinkedQueue<>()).add(System.nanoTime() - start);
      } catch (RuntimeException | Error e) {
        failures.add(kind + " during " + current + ": " + e + " at " + Arrays.stream(e.getStackTrace()).limit(8)
            .map(StackTraceElement::toString).toList());
      }
    }
  }

  /**
   * Waits until a library holds a photo with a CLIP vector and a face, so that every kind of query has something to
   * search (before that, image and face queries answer "index the library first" by design).
   *
   * @param library the library, being indexed
   * @param timeoutMillis how long to wait at most
   * @throws InterruptedException if interrupted
   */
  public static void awaitSearchable(PhotoLibrary library, long timeoutMillis) throws InterruptedException {
    long deadline = System.currentTimeMillis() + timeoutMillis;
    while (System.currentTimeMillis() < deadline) {
      var held = library.stats().catalogue();
      if (held.imageVectors() > 0 && held.faces() > 0) {
        return;
      }
      Thread.sleep(10);
    }
    throw new AssertionError("the library held no photo with a CLIP vector and a face after " + timeoutMillis + " ms");
  }

  /**
   * Switches the phase under which the next queries are counted.
   *
   * @param name the phase
   */
  public void phase(String name) {
    phase = name;
  }

  /** @return every failure so far, as "KIND during phase: exception" */
  public List<String> failures() {
    return List.copyOf(failures);
  }

  /**
   * The latencies of one phase's successful queries.
   *
   * @param name the phase
   * @return count, p50 and p95 in milliseconds
   */
  public Latency latency(String name) {
    long[] nanos = nanosByPhase.getOrDefault(name, new ConcurrentLinkedQueue<>()).stream()
        .mapToLong(Long::longValue).sorted().toArray();
    return new Latency(nanos.length, percentile(nanos, 0.50), percentile(nanos, 0.95));
  }

  private static double percentile(long[] sorted, double p) {
    if (sorted.length == 0) {
      return Double.NaN;
    }
    int i = (int) Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1);
    return sorted[Math.max(0, i)] / 1e6;
  }

  /**
   * The latencies of a phase.
   *
   * @param queries successful queries
   * @param p50Ms median, milliseconds
   * @param p95Ms 95th percentile, milliseconds
   */
  public record Latency(int queries, double p50Ms, double p95Ms) {
    @Override
    public String toString() {
      return String.format("%d queries, p50 %.1f ms, p95 %.1f ms", queries, p50Ms, p95Ms);
    }
  }

  /** Stops the threads and waits for each one's query in flight. */
  @Override
  public void close() {
    running = false;
    for (Thread t : threads) {
      try {
        t.join(60_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    if (threads.stream().anyMatch(Thread::isAlive)) {
      failures.add("a query thread did not stop within 60 s: " + Arrays.toString(
          threads.stream().filter(Thread::isAlive).map(Thread::getName).toArray()));
    }
  }
}
