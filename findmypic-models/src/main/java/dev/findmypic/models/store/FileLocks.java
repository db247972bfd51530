package dev.findmypic.models.store;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Exclusive locks on {@code .lock} files, held across threads of this JVM and across processes: a JVM lock per path
 * first (the OS lock belongs to the whole process), then {@link FileChannel#lock()} on the file. Not reentrant.
 */
final class FileLocks {
  private static final ConcurrentHashMap<Path, ReentrantLock> IN_PROCESS = new ConcurrentHashMap<>();

  private FileLocks() {}

  /**
   * Blocks until this thread holds the lock.
   *
   * @param lockFile the {@code .lock} file; it and its parent directories are created when missing
   * @return the held lock, to close
   * @throws IOException if the file cannot be created or locked
   */
  static Held acquire(Path lockFile) throws IOException {
    Path key = lockFile.toAbsolutePath().normalize();
    ReentrantLock local = IN_PROCESS.computeIfAbsent(key, k -> new ReentrantLock());
    local.lock();
    try {
      Files.createDirectories(key.getParent());
      FileChannel channel = FileChannel.open(key, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
      try {
        return new Held(local, channel, channel.lock());
      } catch (IOException | RuntimeException e) {
        channel.close();
        throw e;
      }
    } catch (IOException | RuntimeException e) {
      local.unlock();
      throw e;
    }
  }

  /** A held lock; closing it releases the process lock, then the JVM lock. */
  static final class Held implements AutoCloseable {
    private final ReentrantLock local;
    private final FileChannel channel;
    private final FileLock lock;

    private Held(ReentrantLock local, FileChannel channel, FileLock lock) {
      this.local = local;
      this.channel = channel;
      this.lock = lock;
    }

    @Override
    public void close() throws IOException {
      try {
        lock.release();
        channel.close();
      } finally {
        local.unlock();
      }
    }
  }
}
