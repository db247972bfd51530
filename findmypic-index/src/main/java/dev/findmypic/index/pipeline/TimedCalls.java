package dev.findmypic.index.pipeline;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs one call with a time limit, so that a decoder or model that hangs on one file fails that file instead of the
 * run. A call that overruns is interrupted and abandoned; its thread is a daemon, so it cannot keep the JVM alive.
 */
final class TimedCalls implements AutoCloseable {
  private final ExecutorService executor;

  TimedCalls(String name) {
    AtomicInteger n = new AtomicInteger();
    executor = Executors.newCachedThreadPool(r -> {
      Thread t = new Thread(r, name + "-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
  }

  <T> T call(Callable<T> work, Duration limit) throws Exception {
    Future<T> future = executor.submit(work);
    try {
      return future.get(limit.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      future.cancel(true);
      throw new TimeoutException("timed out after " + limit.toSeconds() + " s");
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof Exception ex) {
        throw ex;
      }
      throw e;
    } catch (InterruptedException e) {
      future.cancel(true);
      throw e;
    }
  }

  /**
   * Describes a failure for the catalogue and the summary.
   *
   * @param e the failure
   * @return its simple class name and message, e.g. {@code ImageDecodeException: truncated JPEG ...}
   */
  static String reason(Throwable e) {
    if (e instanceof TimeoutException) {
      return e.getMessage();
    }
    String message = e.getMessage();
    return e.getClass().getSimpleName() + (message == null || message.isBlank() ? "" : ": " + message);
  }

  @Override
  public void close() {
    executor.shutdownNow();
  }
}
