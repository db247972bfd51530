package dev.findmypic.models.store;

import java.io.IOException;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Flow;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Reads a response body chunk by chunk with a read timeout: {@link java.net.http.HttpClient} times out only the wait
 * for the headers, so a server that stalls mid-body would otherwise hang the download forever.
 */
final class BodyReader implements Flow.Subscriber<List<ByteBuffer>>, AutoCloseable {
  private static final Object END = new Object();
  /** chunks requested ahead of the writer: enough to keep the network busy, bounded so memory stays small */
  private static final int IN_FLIGHT = 32;

  private final BlockingQueue<Object> queue = new LinkedBlockingQueue<>();
  private final Duration readTimeout;
  private volatile Flow.Subscription subscription;
  private boolean finished;

  private BodyReader(Duration readTimeout) {
    this.readTimeout = readTimeout;
  }

  /**
   * Starts reading a body.
   *
   * @param body the body publisher of a response
   * @param readTimeout how long to wait for the next chunk
   * @return the reader, to close
   */
  static BodyReader of(Flow.Publisher<List<ByteBuffer>> body, Duration readTimeout) {
    BodyReader r = new BodyReader(readTimeout);
    body.subscribe(r);
    return r;
  }

  /**
   * Discards a body that is not wanted, releasing the connection.
   *
   * @param body the body publisher of a response
   */
  static void discard(Flow.Publisher<List<ByteBuffer>> body) {
    body.subscribe(new Flow.Subscriber<>() {
      @Override
      public void onSubscribe(Flow.Subscription s) {
        s.cancel();
      }

      @Override
      public void onNext(List<ByteBuffer> item) {}

      @Override
      public void onError(Throwable throwable) {}

      @Override
      public void onComplete() {}
    });
  }

  /**
   * Waits for the next chunk of the body.
   *
   * @return the buffers of the next chunk, or null at the end of the body
   * @throws IOException if the connection failed or no data came within the read timeout
   */
  @SuppressWarnings("unchecked")
  List<ByteBuffer> next() throws IOException {
    if (finished) {
      return null;
    }
    Object item;
    try {
      item = queue.poll(readTimeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while downloading", e);
    }
    if (item == null) {
      close();
      throw new HttpTimeoutException("no data for " + readTimeout.toMillis() + " ms (read timeout)");
    }
    if (item == END) {
      finished = true;
      return null;
    }
    if (item instanceof Throwable) {
      finished = true;
      Throwable t = (Throwable) item;
      throw t instanceof IOException ? (IOException) t : new IOException(t.toString(), t);
    }
    subscription.request(1);
    return (List<ByteBuffer>) item;
  }

  @Override
  public void onSubscribe(Flow.Subscription s) {
    subscription = s;
    s.request(IN_FLIGHT);
  }

  @Override
  public void onNext(List<ByteBuffer> item) {
    queue.add(item);
  }

  @Override
  public void onError(Throwable throwable) {
    queue.add(throwable);
  }

  @Override
  public void onComplete() {
    queue.add(END);
  }

  @Override
  public void close() {
    Flow.Subscription s = subscription;
    if (s != null && !finished) {
      s.cancel();
    }
    finished = true;
  }
}
