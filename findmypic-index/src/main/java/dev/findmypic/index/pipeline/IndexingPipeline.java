package dev.findmypic.index.pipeline;

import com.google.common.hash.Hasher;
import com.google.common.hash.Hashing;
import dev.findmypic.core.CatalogueException;
import dev.findmypic.core.ModelRole;
import dev.findmypic.core.OcrResult;
import dev.findmypic.core.TextLine;
import dev.findmypic.index.FileFailure;
import dev.findmypic.index.IndexProgress;
import dev.findmypic.index.IndexProgress.Stage;
import dev.findmypic.index.IndexSummary;
import dev.findmypic.index.ProgressListener;
import dev.findmypic.index.StageTimes;
import dev.findmypic.index.catalogue.AnalysedPhoto;
import dev.findmypic.index.catalogue.Catalogue;
import dev.findmypic.index.catalogue.FileRef;
import dev.findmypic.index.catalogue.FileState;
import dev.findmypic.index.catalogue.FileStatus;
import dev.findmypic.index.catalogue.PhotoReads;
import dev.findmypic.index.catalogue.PhotoWrites;
import dev.findmypic.index.catalogue.Root;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One incremental indexing run over some roots: discovery, then three concurrent stages joined by bounded queues.
 * <ol>
 *   <li>Prepare ({@code threads - 1} threads, at least one): hash the file (SHA-256); a file whose content the
 *       catalogue already holds analysed (renamed, moved, or only touched) becomes a move that keeps its analysis;
 *       one whose analysis is current but for the text model (the text model changed) gets its text vector
 *       recomputed from its name and stored OCR lines, without being decoded; anything else is decoded, at the reduced scale the analysers allow. A decoded photo waits for room in the
 *       budget of pixel bytes in flight ({@link PipelineOptions#pixelBytesInFlight()}), which it holds until its
 *       analysis ends.</li>
 *   <li>Analyse (one thread; models use their own threads): batches through CLIP, faces, OCR and the text
 *       embedder. A failing batch is retried photo by photo so one bad photo fails alone.</li>
 *   <li>Commit (the calling thread): one catalogue transaction per batch.</li>
 * </ol>
 * Unchanged files (same size and mtime, analysed by every configured model) are skipped. Files gone from disk are
 * removed at the end, only within the roots of this run, and only from roots that could be read. Every decode and
 * analysis has a time limit. A killed run leaves the catalogue as of its last committed batch; the next run redoes
 * at most the batches that were in flight. The summary says how the threads' time was shared among the stages
 * ({@link StageTimes}).
 */
public final class IndexingPipeline {
  private static final Logger LOG = LoggerFactory.getLogger(IndexingPipeline.class);
  private static final Work END = new Work.End();

  private final Catalogue catalogue;
  private final Analysers analysers;
  private final PipelineOptions options;
  private final Map<ModelRole, String> modelKeys;

  /**
   * Creates a pipeline.
   *
   * @param catalogue where results are committed
   * @param analysers the analysers to run
   * @param options threads, batch size and time limit
   */
  public IndexingPipeline(Catalogue catalogue, Analysers analysers, PipelineOptions options) {
    this.catalogue = catalogue;
    this.analysers = analysers;
    this.options = options;
    this.modelKeys = analysers.modelKeys();
  }

  /**
   * Indexes some roots.
   *
   * @param roots the roots, already in the catalogue
   * @param listener receives progress on this thread
   * @param cancelled polled between files; when it turns true the run stops taking new files, commits what it has
   *     and returns a summary marked cancelled
   * @return what was done
   * @throws CatalogueException if the catalogue cannot be written
   */
  public IndexSummary run(List<Root> roots, ProgressListener listener, BooleanSupplier cancelled) {
    return new Run(listener, cancelled).execute(roots);
  }

  /** @return the configured roles whose model did not analyse this file (another model did, or none) */
  private Set<ModelRole> staleRoles(FileState state) {
    Set<ModelRole> stale = EnumSet.noneOf(ModelRole.class);
    for (Map.Entry<ModelRole, String> e : modelKeys.entrySet()) {
      if (!e.getValue().equals(state.analyses().get(e.getKey().key()))) {
        stale.add(e.getKey());
      }
    }
    return stale;
  }

  /** @return the OCR lines stored for a file, or none when OCR is off (then the text vector sees the name alone) */
  private OcrResult storedOcr(long fileId) {
    if (analysers.ocr() == null) {
      return OcrResult.EMPTY;
    }
    List<TextLine> lines = catalogue.read(c -> PhotoReads.ocrLines(c, List.of(fileId))).get(fileId);
    return lines == null ? OcrResult.EMPTY : new OcrResult(lines);
  }

  /** The state of one run. */
  private final class Run {
    private final ProgressListener listener;
    private final BooleanSupplier cancelRequested;
    private final long startNanos = System.nanoTime();
    private final List<Work.Todo> todo = new ArrayList<>();
    private final Map<String, Queue<FileState>> goneByHash = new ConcurrentHashMap<>();
    private final List<FileState> gone = new ArrayList<>();
    private final Set<Long> claimed = ConcurrentHashMap.newKeySet();
    private final List<FileFailure> failures = new ArrayList<>();
    private final AtomicReference<Throwable> fatal = new AtomicReference<>();
    private final StageClock clock = new StageClock();
    private final ByteBudget pixelsInFlight = new ByteBudget(options.pixelBytesInFlight());
    private final PhotoAnalyser analyser = new PhotoAnalyser(analysers, clock);
    private volatile boolean stopping;
    private int added;
    private int updated;
    private int moved;
    private int unchanged;
    private long filesDone;
    private long bytesDone;
    private long bytesTotal;

    Run(ProgressListener listener, BooleanSupplier cancelled) {
      this.listener = listener;
      this.cancelRequested = cancelled;
    }

    IndexSummary execute(List<Root> roots) {
      report(Stage.DISCOVERING);
      for (Root root : roots) {
        discover(root);
      }
      report(Stage.ANALYSING);
      try (TimedCalls timed = new TimedCalls("findmypic-call")) {
        process(timed);
      }
      int removed = 0;
      boolean cancelled = stopping;
      if (!cancelled) {
        report(Stage.REMOVING);
        removed = removeGone();
      }
      report(Stage.DONE);
      Duration elapsed = Duration.ofNanos(System.nanoTime() - startNanos);
      StageTimes times = clock.times();
      LOG.info("indexed in {}: {} added, {} updated, {} moved, {} removed, {} unchanged, {} failed{}", elapsed, added,
          updated, moved, removed, unchanged, failures.size(), cancelled ? " (cancelled)" : "");
      LOG.info("time per stage: {}", times);
      return new IndexSummary(added, updated, moved, removed, unchanged, failures, analysers.disabledFeatures(),
          cancelled, elapsed, times);
    }

    private void discover(Root root) {
      List<Discovery.Found> found;
      try {
        found = Discovery.walk(root.path()).orElse(null);
      } catch (IOException e) {
        LOG.warn("cannot walk root {}: {}; its files are kept as they are", root.path(), e.toString());
        return;
      }
      if (found == null) {
        return;
      }
      Map<Path, FileState> known = catalogue.read(c -> PhotoReads.filesOfRoot(c, root.id()));
      for (Discovery.Found f : found) {
        FileState state = known.remove(f.path());
        if (state != null && state.size() == f.size() && state.mtime() == f.mtime()
            && (state.status() == FileStatus.FAILED || staleRoles(state).isEmpty())) {
          unchanged++;
        } else {
          todo.add(new Work.Todo(new FileRef(root.id(), f.path(), f.size(), f.mtime(), null), state));
          bytesTotal += f.size();
        }
      }
      for (FileState state : known.values()) {
        gone.add(state);
        if (state.status() == FileStatus.INDEXED && state.contentHash() != null && staleRoles(state).isEmpty()) {
          goneByHash.computeIfAbsent(state.contentHash(), h -> new ConcurrentLinkedQueue<>()).add(state);
        }
      }
    }

    private void process(TimedCalls timed) {
      BlockingQueue<Work.Todo> input = new ArrayBlockingQueue<>(Math.max(1, todo.size()), false, todo);
      BlockingQueue<Work> prepared = new ArrayBlockingQueue<>(2 * options.batchSize());
      BlockingQueue<Work> analysed = new ArrayBlockingQueue<>(options.batchSize());
      int preparers = Math.max(1, options.threads() - 1);
      ExecutorService stages = Executors.newFixedThreadPool(preparers + 1, r -> {
        Thread t = new Thread(r, "findmypic-stage");
        t.setDaemon(true);
        return t;
      });
      AtomicInteger preparersLeft = new AtomicInteger(preparers);
      try {
        for (int i = 0; i < preparers; i++) {
          stages.execute(() -> stage(() -> prepareAll(input, prepared, timed), prepared, preparersLeft));
        }
        stages.execute(() -> stage(() -> analyseAll(prepared, analysed, timed), analysed, new AtomicInteger(1)));
        commitAll(analysed);
      } finally {
        stages.shutdownNow();
        awaitQuietly(stages);
      }
      Throwable failure = fatal.get();
      if (failure != null) {
        throw failure instanceof CatalogueException ce ? ce
            : new CatalogueException("indexing failed: " + TimedCalls.reason(failure), failure);
      }
    }

    /** Runs a stage's loop; the last of its threads to finish, normally or not, ends the stage's output. */
    private void stage(InterruptibleLoop loop, BlockingQueue<Work> out, AtomicInteger threadsLeft) {
      try {
        loop.run();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } catch (Throwable e) {
        fatal.compareAndSet(null, e);
        stopping = true;
      } finally {
        if (threadsLeft.decrementAndGet() == 0) {
          try {
            out.put(END);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        }
      }
    }

    private boolean shouldStop() {
      if (!stopping && cancelRequested.getAsBoolean()) {
        stopping = true;
      }
      return stopping;
    }

    private void prepareAll(BlockingQueue<Work.Todo> input, BlockingQueue<Work> out, TimedCalls timed)
        throws InterruptedException {
      Work.Todo t;
      while (!shouldStop() && (t = input.poll()) != null) {
        Work prepared = prepare(t, timed);
        long start = System.nanoTime();
        if (prepared instanceof Work.Decoded d) {
          pixelsInFlight.acquire(pixelBytes(d));
        }
        out.put(prepared);
        clock.stop(StageTimes.WAITING_FOR_ANALYSIS, start);
      }
    }

    private Work prepare(Work.Todo t, TimedCalls timed) throws InterruptedException {
      FileRef file = t.file();
      boolean isNew = t.known() == null;
      String hash;
      long hashStart = System.nanoTime();
      try {
        hash = timed.call(() -> sha256(file.path()), options.fileTimeout());
      } catch (InterruptedException e) {
        throw e;
      } catch (Exception e) {
        return new Work.Failed(file, isNew, TimedCalls.reason(e));
      } finally {
        clock.stop(StageTimes.HASH, hashStart);
      }
      FileRef hashed = new FileRef(file.rootId(), file.path(), file.size(), file.mtime(), hash);
      FileState known = t.known();
      if (known != null && known.status() == FileStatus.INDEXED && hash.equals(known.contentHash())) {
        Set<ModelRole> stale = staleRoles(known);
        if (stale.isEmpty()) {
          return new Work.Moved(known.id(), hashed, false);
        }
        if (stale.equals(EnumSet.of(ModelRole.TEXT))) {
          return new Work.Retext(known.id(), hashed, storedOcr(known.id()));
        }
      }
      if (known == null) {
        Queue<FileState> sameContent = goneByHash.get(hash);
        FileState original = sameContent == null ? null : sameContent.poll();
        if (original != null) {
          claimed.add(original.id());
          return new Work.Moved(original.id(), hashed, true);
        }
      }
      long decodeStart = System.nanoTime();
      try {
        return new Work.Decoded(hashed, isNew,
            timed.call(() -> analysers.decoder().decode(file.path(), analysers.minShortSide()), options.fileTimeout()));
      } catch (InterruptedException e) {
        throw e;
      } catch (Exception e) {
        return new Work.Failed(hashed, isNew, TimedCalls.reason(e));
      } finally {
        clock.stop(StageTimes.DECODE, decodeStart);
      }
    }

    private void analyseAll(BlockingQueue<Work> in, BlockingQueue<Work> out, TimedCalls timed)
        throws InterruptedException {
      List<Work.Decoded> batch = new ArrayList<>(options.batchSize());
      List<Work.Retext> retexts = new ArrayList<>(options.batchSize());
      long batchPixelBytes = 0;
      while (true) {
        long start = System.nanoTime();
        Work w = batch.isEmpty() && retexts.isEmpty() ? in.take() : in.poll(20, TimeUnit.MILLISECONDS);
        clock.stop(StageTimes.WAITING_FOR_PHOTOS, start);
        if (w instanceof Work.Decoded d) {
          batch.add(d);
          batchPixelBytes += pixelBytes(d);
        } else if (w instanceof Work.Retext r) {
          retexts.add(r);
        } else if (w != null && !(w instanceof Work.End)) {
          out.put(w);
        }
        boolean flush = w == null || w instanceof Work.End;
        if (!batch.isEmpty()
            && (flush || batch.size() >= options.batchSize() || batchPixelBytes >= halfThePixelBudget())) {
          List<Work> results;
          try {
            results = analyseBatch(batch, timed);
          } finally {
            batch.forEach(d -> pixelsInFlight.release(pixelBytes(d)));
          }
          for (Work result : results) {
            out.put(result);
          }
          batch.clear();
          batchPixelBytes = 0;
        }
        if (!retexts.isEmpty() && (flush || retexts.size() >= options.batchSize())) {
          for (Work result : retextBatch(retexts, timed)) {
            out.put(result);
          }
          retexts.clear();
        }
        if (w instanceof Work.End) {
          return;
        }
      }
    }

    private List<Work> analyseBatch(List<Work.Decoded> batch, TimedCalls timed) throws InterruptedException {
      List<Work> results = new ArrayList<>(batch.size());
      try {
        Duration limit = options.fileTimeout().multipliedBy(batch.size());
        for (AnalysedPhoto photo : timed.call(() -> analyser.analyse(batch), limit)) {
          results.add(new Work.Analysed(photo, batch.get(results.size()).isNew()));
        }
        return results;
      } catch (InterruptedException e) {
        throw e;
      } catch (Exception e) {
        if (batch.size() == 1) {
          Work.Decoded d = batch.get(0);
          return List.of(new Work.Failed(d.file(), d.isNew(), TimedCalls.reason(e)));
        }
        LOG.debug("a batch of {} failed ({}); analysing its photos one by one", batch.size(), e.toString());
        results.clear();
        for (Work.Decoded d : batch) {
          results.addAll(analyseBatch(List.of(d), timed));
        }
        return results;
      }
    }

    /** Recomputes the text vectors of a batch of {@link Work.Retext}; if that fails, each file is recorded as failed. */
    private List<Work> retextBatch(List<Work.Retext> batch, TimedCalls timed) throws InterruptedException {
      List<Work> results = new ArrayList<>(batch.size());
      try {
        Duration limit = options.fileTimeout().multipliedBy(batch.size());
        List<float[]> vectors = timed.call(() -> analyser.retext(batch), limit);
        for (int i = 0; i < batch.size(); i++) {
          Work.Retext r = batch.get(i);
          results.add(new Work.Retexted(r.fileId(), r.file(), vectors.get(i)));
        }
      } catch (InterruptedException e) {
        throw e;
      } catch (Exception e) {
        String reason = TimedCalls.reason(e);
        for (Work.Retext r : batch) {
          results.add(new Work.Failed(r.file(), false, reason));
        }
      }
      return results;
    }

    private void commitAll(BlockingQueue<Work> in) {
      List<Work> pending = new ArrayList<>(options.batchSize());
      try {
        while (true) {
          Work w = pending.isEmpty() ? in.take() : in.poll(200, TimeUnit.MILLISECONDS);
          if (w != null && !(w instanceof Work.End)) {
            pending.add(w);
          }
          if (!pending.isEmpty() && (w == null || w instanceof Work.End || pending.size() >= options.batchSize())) {
            commit(pending);
            pending.clear();
          }
          if (w instanceof Work.End) {
            return;
          }
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        stopping = true;
      } catch (RuntimeException e) {
        stopping = true;
        throw e;
      }
    }

    private void commit(List<Work> batch) {
      long start = System.nanoTime();
      catalogue.write(c -> {
        for (Work w : batch) {
          if (w instanceof Work.Analysed a) {
            PhotoWrites.putAnalysed(c, a.photo());
          } else if (w instanceof Work.Failed f) {
            PhotoWrites.putFailed(c, f.file(), f.reason());
          } else if (w instanceof Work.Moved m) {
            PhotoWrites.move(c, m.fileId(), m.to());
          } else if (w instanceof Work.Retexted r) {
            PhotoWrites.putTextVector(c, r.fileId(), r.file(), modelKeys.get(ModelRole.TEXT), r.textVector());
          }
        }
        return null;
      });
      clock.stop(StageTimes.COMMIT, start);
      for (Work w : batch) {
        FileRef file;
        if (w instanceof Work.Analysed a) {
          file = a.photo().file();
          if (a.isNew()) {
            added++;
          } else {
            updated++;
          }
        } else if (w instanceof Work.Failed f) {
          file = f.file();
          failures.add(new FileFailure(f.file().path(), f.reason()));
        } else if (w instanceof Work.Retexted r) {
          file = r.file();
          updated++;
        } else {
          Work.Moved m = (Work.Moved) w;
          file = m.to();
          if (m.renamed()) {
            moved++;
          } else {
            unchanged++;
          }
        }
        filesDone++;
        bytesDone += file.size();
      }
      report(Stage.ANALYSING);
    }

    private int removeGone() {
      List<Long> ids = new ArrayList<>();
      for (FileState state : gone) {
        if (!claimed.contains(state.id())) {
          ids.add(state.id());
        }
      }
      catalogue.write(c -> {
        PhotoWrites.deleteFiles(c, ids);
        return null;
      });
      return ids.size();
    }

    private void report(Stage stage) {
      double seconds = (System.nanoTime() - startNanos) / 1e9;
      double rate = seconds > 0 ? filesDone / seconds : 0;
      Duration eta = rate > 0 ? Duration.ofMillis((long) ((todo.size() - filesDone) / rate * 1000)) : null;
      listener.onProgress(new IndexProgress(stage, filesDone, todo.size(), bytesDone, bytesTotal, rate, eta));
    }
  }

  @FunctionalInterface
  private interface InterruptibleLoop {
    void run() throws InterruptedException;
  }

  /**
   * A batch is analysed once its pictures hold half the pixel budget, even if it has fewer photos than the batch size,
   * so that the decode threads can fill the other half meanwhile instead of waiting for the whole batch to finish.
   */
  private long halfThePixelBudget() {
    return options.pixelBytesInFlight() / 2;
  }

  private static long pixelBytes(Work.Decoded d) {
    return 3L * d.photo().picture().width() * d.photo().picture().height();
  }

  private static String sha256(Path file) throws IOException {
    Hasher hasher = Hashing.sha256().newHasher();
    byte[] buffer = new byte[1 << 16];
    try (InputStream in = Files.newInputStream(file)) {
      int n;
      while ((n = in.read(buffer)) > 0) {
        hasher.putBytes(buffer, 0, n);
      }
    }
    return hasher.hash().toString();
  }

  private static void awaitQuietly(ExecutorService executor) {
    try {
      if (!executor.awaitTermination(10, TimeUnit.SECONDS)) {
        LOG.warn("indexing threads did not stop within 10 s");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
