package dev.findmypic.index.catalogue;

import dev.findmypic.core.CatalogueException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteConfig;

/**
 * The photo catalogue: one SQLite database ({@value #FILE_NAME}) in the data directory, the source of truth for
 * roots, files, their analysis and their vectors. Vector index files are caches derived from it.
 *
 * <p>Concurrency: the database runs in WAL mode, so several readers may search while one writer indexes. All writes
 * go through {@link #write} on a single writer connection, one {@code BEGIN IMMEDIATE} transaction per call,
 * serialised by a lock; a writer in another process is waited for (SQLite's busy timeout). Reads go through
 * {@link #read} on pooled reader connections, each read seeing one consistent snapshot; a read that SQLite answers
 * with {@code SQLITE_BUSY} (possible when another process opens or recovers the database) is retried with backoff.
 * Thread-safe, and several processes may open one data directory.
 *
 * <p>Failures: a full disk ({@code SQLITE_FULL}) is a {@link DiskFullException} naming the data directory; every
 * other SQLite failure is a {@link CatalogueException} naming the database.
 *
 * <p>Durability: {@code synchronous=NORMAL} in WAL mode keeps every committed transaction when the process is killed
 * (only a power loss can lose the last few), and a transaction that was not committed leaves no trace.
 */
public final class Catalogue implements AutoCloseable {
  /** The database file's name inside the data directory. */
  public static final String FILE_NAME = "catalogue.db";

  private static final Logger LOG = LoggerFactory.getLogger(Catalogue.class);
  private static final int READERS = 4;
  private static final int BUSY_TIMEOUT_MS = 30_000;
  private static final int READ_ATTEMPTS = 10;
  private static final long FIRST_BACKOFF_MS = 5;
  private static final long MAX_BACKOFF_MS = 1_000;

  private final Path file;
  private final Connection writer;
  private final ReentrantLock writeLock = new ReentrantLock();
  private final BlockingQueue<Connection> idleReaders = new ArrayBlockingQueue<>(READERS);
  private final List<Connection> allReaders = new ArrayList<>();
  private volatile boolean closed;

  private Catalogue(Path file, Connection writer) {
    this.file = file;
    this.writer = writer;
  }

  /**
   * Opens the catalogue in a data directory, creating the directory and the database when missing and migrating an
   * older schema.
   *
   * @param dataDir the data directory
   * @return the open catalogue; close it
   * @throws CatalogueException if the database cannot be opened or is of a newer schema
   */
  public static Catalogue open(Path dataDir) {
    Path file = dataDir.toAbsolutePath().resolve(FILE_NAME);
    try {
      Files.createDirectories(dataDir);
    } catch (IOException e) {
      throw new CatalogueException("cannot create the data directory " + dataDir + ": " + e, e);
    }
    Connection c = null;
    try {
      c = connect(file, SQLiteConfig.TransactionMode.IMMEDIATE);
      try (Statement s = c.createStatement()) {
        s.execute("PRAGMA journal_mode = WAL");
        s.execute("PRAGMA synchronous = NORMAL");
      }
      CatalogueSchema.migrate(c, file);
      return new Catalogue(file, c);
    } catch (SQLException e) {
      closeQuietly(c, file);
      if (SqliteFailures.primaryCode(e) == SqliteFailures.FULL || SqliteFailures.isBusy(e)) {
        throw SqliteFailures.of(file, "opening the catalogue", e);
      }
      throw new CatalogueException("cannot open the catalogue " + file + ": " + e.getMessage()
          + " (is it a FindMyPic catalogue? move it away to start afresh)", e);
    } catch (RuntimeException e) {
      closeQuietly(c, file);
      throw e;
    }
  }

  private static Connection connect(Path file, SQLiteConfig.TransactionMode mode) throws SQLException {
    SQLiteConfig config = new SQLiteConfig();
    config.setBusyTimeout(BUSY_TIMEOUT_MS);
    config.enforceForeignKeys(true);
    config.setTransactionMode(mode);
    return config.createConnection("jdbc:sqlite:" + file);
  }

  /** @return the database file */
  public Path file() {
    return file;
  }

  /**
   * Runs work in one write transaction: committed if it returns, rolled back if it throws.
   *
   * @param work the work
   * @param <T> its result
   * @return what the work returned
   * @throws CatalogueException wrapping any SQLite failure, naming the database
   */
  public <T> T write(SqlWork<T> work) {
    writeLock.lock();
    try {
      checkOpen();
      return inTransaction(writer, work, true);
    } catch (SQLException e) {
      throw SqliteFailures.of(file, "writing the catalogue", e);
    } finally {
      writeLock.unlock();
    }
  }

  /**
   * Runs work in a transaction on a connection in auto-commit mode and leaves it in auto-commit mode, whatever
   * happens. When the work fails, the transaction is rolled back and the work's failure is thrown; a failure to roll
   * back (SQLite has already rolled back after {@code SQLITE_FULL}, for one) is attached to it, never thrown instead.
   */
  private static <T> T inTransaction(Connection c, SqlWork<T> work, boolean commit) throws SQLException {
    c.setAutoCommit(false);
    T result;
    try {
      result = work.apply(c);
      if (commit) {
        c.commit();
      } else {
        c.rollback();
      }
    } catch (SQLException | RuntimeException e) {
      try {
        c.rollback();
      } catch (SQLException r) {
        e.addSuppressed(r);
      }
      try {
        c.setAutoCommit(true);
      } catch (SQLException r) {
        e.addSuppressed(r);
      }
      throw e;
    }
    c.setAutoCommit(true);
    return result;
  }

  /**
   * Runs read-only work on a reader connection, inside one read transaction so that it sees one snapshot. When
   * SQLite answers {@code SQLITE_BUSY} the work is run again, after a growing pause, up to {@value #READ_ATTEMPTS}
   * times, so it must have no effect outside what it returns.
   *
   * @param work the work
   * @param <T> its result
   * @return what the work returned
   * @throws CatalogueException wrapping any SQLite failure, naming the database
   */
  public <T> T read(SqlWork<T> work) {
    long backoff = FIRST_BACKOFF_MS;
    for (int attempt = 1; ; attempt++) {
      checkOpen();
      try {
        return readOnce(work);
      } catch (SQLException e) {
        if (!SqliteFailures.isBusy(e) || attempt == READ_ATTEMPTS) {
          throw SqliteFailures.of(file, "reading the catalogue", e);
        }
        LOG.debug("reading {} found it busy (attempt {}): {}; trying again", file, attempt, e.getMessage());
        pause(backoff + ThreadLocalRandom.current().nextLong(backoff));
        backoff = Math.min(2 * backoff, MAX_BACKOFF_MS);
      }
    }
  }

  private <T> T readOnce(SqlWork<T> work) throws SQLException {
    Connection c = borrowReader();
    try {
      return inTransaction(c, work, false);
    } finally {
      idleReaders.offer(c);
    }
  }

  private void pause(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CatalogueException("interrupted while waiting to read the catalogue " + file, e);
    }
  }

  private Connection borrowReader() {
    Connection c = idleReaders.poll();
    if (c != null) {
      return c;
    }
    synchronized (allReaders) {
      if (allReaders.size() < READERS) {
        try {
          Connection fresh = connect(file, SQLiteConfig.TransactionMode.DEFERRED);
          allReaders.add(fresh);
          return fresh;
        } catch (SQLException e) {
          throw new CatalogueException("cannot open a reader on the catalogue " + file + ": " + e.getMessage(), e);
        }
      }
    }
    try {
      return idleReaders.take();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CatalogueException("interrupted while waiting for a reader of the catalogue " + file, e);
    }
  }

  /**
   * Checks the database: SQLite's own integrity and foreign-key checks, the full-text index, and the catalogue's
   * invariants (every full-text row belongs to a file, every analysed file has a full-text row, no file is listed
   * twice, every face and embedding belongs to an indexed file).
   *
   * @return the problems found; empty when the catalogue is sound
   */
  public List<String> checkIntegrity() {
    return write(CatalogueIntegrity::problems);
  }

  private void checkOpen() {
    if (closed) {
      throw new IllegalStateException("the catalogue " + file + " is closed");
    }
  }

  /** Closes every connection. Idempotent. */
  @Override
  public void close() {
    writeLock.lock();
    try {
      if (closed) {
        return;
      }
      closed = true;
      synchronized (allReaders) {
        for (Connection c : allReaders) {
          closeQuietly(c, file);
        }
      }
      closeQuietly(writer, file);
    } finally {
      writeLock.unlock();
    }
  }

  private static void closeQuietly(Connection c, Path file) {
    if (c == null) {
      return;
    }
    try {
      c.close();
    } catch (SQLException e) {
      LOG.warn("closing a connection to {} failed: {}", file, e.getMessage());
    }
  }
}
