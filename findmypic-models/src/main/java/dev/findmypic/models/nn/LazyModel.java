package dev.findmypic.models.nn;

import ai.djl.engine.EngineException;
import dev.findmypic.core.InferenceException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
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

  /**
   * Embeds inputs in chunks of at most {@code maxBatch}, one forward pass each, and returns one unit vector per
   * input, in order. A native engine failure becomes an {@link InferenceException} naming the model.
   *
   * @param inputs the inputs; none gives an empty list without loading the model
   * @param maxBatch the most inputs one pass takes
   * @param dimension the length of one vector
   * @param pass runs one chunk and returns its features, row-major
   * @param <I> the input type
   * @return the unit vectors
   * @throws IllegalStateException if closed
   */
  public <I> List<float[]> embedInChunks(
      List<I> inputs, int maxBatch, int dimension, BiFunction<T, List<I>, float[]> pass) {
    List<float[]> out = new ArrayList<>(inputs.size());
    if (inputs.isEmpty()) {
      return out;
    }
    return use(model -> {
      for (int start = 0; start < inputs.size(); start += maxBatch) {
        List<I> chunk = inputs.subList(start, Math.min(inputs.size(), start + maxBatch));
        try {
          out.addAll(UnitRows.split(pass.apply(model, chunk), dimension));
        } catch (EngineException e) {
          throw new InferenceException(name + ": inference failed: " + e.getMessage(), e);
        }
      }
      return out;
    });
  }

  private T model() {
    T model = loaded;
    if (model == null) {
      synchronized (loading) {
        model = loaded;
        if (model == null) {
          model = loader.get();
          loaded = model;
          NativeHeap.releaseFreed();
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
        NativeHeap.releaseFreed();
      }
    } catch (Exception e) {
      throw new IllegalStateException("cannot close " + name + ": " + e.getMessage(), e);
    } finally {
      lock.writeLock().unlock();
    }
  }
}
