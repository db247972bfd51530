package dev.findmypic.models.checkpoint;

import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * A buffered stream of known total size that counts what has been read, so that a reader can check a length prefix
 * against the bytes left before allocating, and find where a pickle ended.
 */
final class CountingInput extends FilterInputStream {
  private final long size;
  private long position;
  private long markPosition;

  /**
   * @param in the stream, positioned at {@code start}
   * @param start the offset of the stream's current position in the underlying data
   * @param size the size of the underlying data
   */
  CountingInput(InputStream in, long start, long size) {
    super(new BufferedInputStream(in, 1 << 16));
    this.position = start;
    this.size = size;
  }

  /** @return the offset of the next byte to be read */
  long position() {
    return position;
  }

  /** @return the bytes left */
  long remaining() {
    return size - position;
  }

  @Override
  public int read() throws IOException {
    int b = super.read();
    if (b >= 0) {
      position++;
    }
    return b;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    int n = super.read(b, off, len);
    if (n > 0) {
      position += n;
    }
    return n;
  }

  @Override
  public long skip(long n) throws IOException {
    long skipped = super.skip(n);
    position += skipped;
    return skipped;
  }

  @Override
  public synchronized void mark(int readlimit) {
    super.mark(readlimit);
    markPosition = position;
  }

  @Override
  public synchronized void reset() throws IOException {
    super.reset();
    position = markPosition;
  }
}
