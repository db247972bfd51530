package dev.findmypic.models.nn;

import java.util.function.Function;
import java.util.function.Supplier;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * A model that loads on first use, serves many threads at once, and frees its native memory on {@link #close()} once
 * the calls in flight have finished. Calls after closing throw {@link IllegalStateException}.
 *
 * @param <T> what loading produces, closed by {@link #close()}
 */
public final class LazyModel<T extends AutoCloseable> implements AutoCloseable {
  private final String name;
  private final Supplier<T> loader;
  private final ReadWriteLock lock = new ReentrantReadWriteLock();
  private final Object loading = new Object();
  private volatile T loaded;
  private boolean closed;

  /**
   * Wraps a loader.
   *
   * @param name the model, for messages
   * @param loader loads the model; it runs at most once successfully, and again after a failure
   */
  public LazyModel(String name, Supplier<T> loader) {
    this.name = name;
    this.loader = loader;
  }

  /**
   * Runs work on the model, loading it first if needed.
   *
   * @param work what to do
   * @param <R> the result type
   * @return the work's result
   * @throws IllegalStateException if closed
   */
  public <R> R use(Function<T, R> work) {
    lock.readLock().lock();
    try {
      if (closed) {
        throw new IllegalStateException(name + " is closed");
      }
      return work.apply(model());
    } finally {
      lock.readLock().unlock();
    }
  }

  private T model() {
    T model = loaded;
    if (model == null) {
      synchronized (loading) {
        model = loaded;
        if (model == null) {
          model = loader.get();
          loaded = model;
        }
      }
    }
    return model;
  }

  /** @return true once the model has been loaded (and not yet closed) */
  public boolean isLoaded() {
    return loaded != null;
  }

  /** Waits for the calls in flight, then frees the model. Idempotent. */
  @Override
  public void close() {
    lock.writeLock().lock();
    try {
      if (closed) {
        return;
      }
      closed = true;
      if (loaded != null) {
        loaded.close();
        loaded = null;
      }
    } catch (Exception e) {
      throw new IllegalStateException("cannot close " + name + ": " + e.getMessage(), e);
    } finally {
      lock.writeLock().unlock();
    }
  }
}
