package dev.findmypic.index.catalogue;

import dev.findmypic.core.CatalogueException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The photo catalogue: one SQLite database ({@value #FILE_NAME}) in the data directory, the source of truth for
 * roots, files, their analysis and their vectors. Vector index files are caches derived from it.
 *
 * <p>Concurrency: the database runs in WAL mode, so several readers may search while one writer indexes. All writes
 * go through {@link #write} on a single writer connection, one transaction per call, serialised by a lock. Reads go
 * through {@link #read} on pooled reader connections, each read seeing one consistent snapshot. Thread-safe.
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
      Connection c = connect(file);
      try (Statement s = c.createStatement()) {
        s.execute("PRAGMA journal_mode = WAL");
        s.execute("PRAGMA synchronous = NORMAL");
      }
      CatalogueSchema.migrate(c, file);
      return new Catalogue(file, c);
    } catch (SQLException | IOException e) {
      throw new CatalogueException("cannot open the catalogue " + file + ": " + e.getMessage()
          + " (is it a FindMyPic catalogue? move it away to start afresh)", e);
    }
  }

  private static Connection connect(Path file) throws SQLException {
    Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
    try (Statement s = c.createStatement()) {
      s.execute("PRAGMA busy_timeout = " + BUSY_TIMEOUT_MS);
      s.execute("PRAGMA foreign_keys = ON");
    }
    return c;
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
      writer.setAutoCommit(false);
      try {
        T result = work.apply(writer);
        writer.commit();
        return result;
      } catch (SQLException | RuntimeException e) {
        writer.rollback();
        throw e;
      } finally {
        writer.setAutoCommit(true);
      }
    } catch (SQLException e) {
      throw new CatalogueException("writing the catalogue " + file + " failed: " + e.getMessage(), e);
    } finally {
      writeLock.unlock();
    }
  }

  /**
   * Runs read-only work on a reader connection, inside one read transaction so that it sees one snapshot.
   *
   * @param work the work
   * @param <T> its result
   * @return what the work returned
   * @throws CatalogueException wrapping any SQLite failure, naming the database
   */
  public <T> T read(SqlWork<T> work) {
    checkOpen();
    Connection c = borrowReader();
    try {
      c.setAutoCommit(false);
      try {
        return work.apply(c);
      } finally {
        c.rollback();
        c.setAutoCommit(true);
      }
    } catch (SQLException e) {
      throw new CatalogueException("reading the catalogue " + file + " failed: " + e.getMessage(), e);
    } finally {
      idleReaders.offer(c);
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
          Connection fresh = connect(file);
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
          closeQuietly(c);
        }
      }
      closeQuietly(writer);
    } finally {
      writeLock.unlock();
    }
  }

  private void closeQuietly(Connection c) {
    try {
      c.close();
    } catch (SQLException e) {
      LOG.warn("closing a connection to {} failed: {}", file, e.getMessage());
    }
  }
}
