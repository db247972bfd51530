package dev.findmypic.index.vectors;

import com.google.common.hash.Hashing;
import dev.findmypic.core.CatalogueException;
import dev.findmypic.index.catalogue.Catalogue;
import dev.findmypic.index.catalogue.PhotoReads;
import dev.findmypic.index.catalogue.VectorSetId;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The vector indexes of a catalogue, one per {@link VectorSetId}, kept in step with it.
 *
 * <p>An index is built from the catalogue's vectors the first time its set is searched and brought up to date
 * whenever the set's generation in the catalogue has moved on: an exact scan (sets of up to {@code exactUpTo}
 * vectors) is rebuilt, an HNSW graph is updated in place (only the vectors that changed are added or removed). A
 * graph is saved to {@code indexDir} after each build or update, so the next process loads it instead of building. The saved
 * file is only a cache: see {@link IndexFiles} for when it is ignored. Vectors of two model keys are never in one
 * index. Thread-safe: an exact index handed out stays valid (as a snapshot) after a newer one replaces it; an HNSW
 * graph handed out is the one updated, which hnswlib allows beside searches.
 */
public final class CatalogueVectorIndexes {
  private static final Logger LOG = LoggerFactory.getLogger(CatalogueVectorIndexes.class);

  private final Catalogue catalogue;
  private final Path indexDir;
  private final int exactUpTo;
  private final Map<VectorSetId, Built> built = new ConcurrentHashMap<>();

  private record Built(long generation, VectorIndex index) {}

  private record Snapshot(long generation, int dimension, List<VectorItem> items) {}

  /**
   * Creates the indexes of a catalogue.
   *
   * @param catalogue the catalogue
   * @param indexDir where HNSW index files are kept
   * @param exactUpTo the largest set searched by exact scan
   */
  public CatalogueVectorIndexes(Catalogue catalogue, Path indexDir, int exactUpTo) {
    this.catalogue = catalogue;
    this.indexDir = indexDir;
    this.exactUpTo = exactUpTo;
  }

  /**
   * Returns the current index of a set, building or loading it if the catalogue has changed since.
   *
   * @param set the set
   * @return the index, or empty when the catalogue has no vector of that set
   */
  public Optional<VectorIndex> get(VectorSetId set) {
    long generation = catalogue.read(c -> PhotoReads.vectorSetGeneration(c, set));
    Built current = built.get(set);
    if (current != null && current.generation() == generation) {
      return Optional.ofNullable(current.index());
    }
    synchronized (lockFor(set)) {
      current = built.get(set);
      if (current == null || current.generation() != generation) {
        current = build(set, current);
        built.put(set, current);
      }
      return Optional.ofNullable(current.index());
    }
  }

  /** @return the file where a set's HNSW graph is cached */
  Path fileOf(VectorSetId set) {
    String key = set.modelKey().replaceAll("[^A-Za-z0-9._-]", "_");
    String hash = Hashing.sha256().hashString(set.modelKey(), StandardCharsets.UTF_8).toString().substring(0, 12);
    return indexDir.resolve(set.kind().name().toLowerCase(Locale.ROOT) + "-"
        + key.substring(0, Math.min(key.length(), 60)) + "-" + hash + ".hnsw");
  }

  private final Map<VectorSetId, Object> locks = new ConcurrentHashMap<>();

  private Object lockFor(VectorSetId set) {
    return locks.computeIfAbsent(set, s -> new Object());
  }

  private Built build(VectorSetId set, Built previous) {
    Snapshot snapshot = catalogue.read(c -> snapshot(c, set));
    List<VectorItem> items = snapshot.items();
    if (items.isEmpty()) {
      return new Built(snapshot.generation(), null);
    }
    if (items.size() <= exactUpTo) {
      ExactVectorIndex exact = new ExactVectorIndex(snapshot.dimension());
      for (VectorItem item : items) {
        exact.add(item.id(), item.vector());
      }
      return new Built(snapshot.generation(), exact);
    }
    IndexFiles.Header header = new IndexFiles.Header(set, snapshot.generation(), snapshot.dimension(), items.size());
    Path file = fileOf(set);
    if (previous != null && previous.index() instanceof HnswVectorIndex graph
        && graph.dimension() == snapshot.dimension()) {
      int changed = update(graph, items);
      LOG.info("updated the HNSW index of {} in place: {} vectors added, replaced or removed", set, changed);
      save(graph, header, file);
      return new Built(snapshot.generation(), graph);
    }
    Optional<HnswVectorIndex> loaded = IndexFiles.load(file, header);
    if (loaded.isPresent()) {
      return new Built(snapshot.generation(), loaded.get());
    }
    long start = System.nanoTime();
    HnswVectorIndex hnsw = new HnswVectorIndex(snapshot.dimension(), items.size(), HnswVectorIndex.DEFAULT_EF);
    try {
      hnsw.graph().addAll(items, Runtime.getRuntime().availableProcessors(), (done, max) -> { }, 10_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CatalogueException("interrupted while building the vector index of " + set, e);
    }
    LOG.info("built the HNSW index of {} ({} vectors) in {} ms", set, items.size(),
        (System.nanoTime() - start) / 1_000_000);
    save(hnsw, header, file);
    return new Built(snapshot.generation(), hnsw);
  }

  /**
   * Brings a graph in step with the catalogue's vectors: adds new ones, replaces changed ones, removes gone ones.
   * Far cheaper than building the graph again when a few photos changed. hnswlib allows this beside searches.
   */
  private static int update(HnswVectorIndex graph, List<VectorItem> items) {
    int changed = 0;
    java.util.Set<Long> current = new java.util.HashSet<>();
    for (VectorItem item : items) {
      current.add(item.id());
      float[] old = graph.vector(item.id());
      if (old == null || !java.util.Arrays.equals(old, item.vector())) {
        graph.add(item.id(), item.vector());
        changed++;
      }
    }
    List<Long> gone = new ArrayList<>();
    for (VectorItem item : graph.graph().items()) {
      if (!current.contains(item.id())) {
        gone.add(item.id());
      }
    }
    for (long id : gone) {
      graph.remove(id);
    }
    return changed + gone.size();
  }

  private static void save(HnswVectorIndex graph, IndexFiles.Header header, Path file) {
    try {
      IndexFiles.save(graph, header, file);
    } catch (IOException e) {
      LOG.warn("cannot save the vector index {} ({}); it will be rebuilt next time", file, e.toString());
    }
  }

  private static Snapshot snapshot(Connection c, VectorSetId set) throws SQLException {
    long generation = PhotoReads.vectorSetGeneration(c, set);
    List<VectorItem> items = new ArrayList<>();
    int[] dimension = {0};
    PhotoReads.forEachVector(c, set, (id, vector) -> {
      if (dimension[0] == 0) {
        dimension[0] = vector.length;
      }
      if (vector.length == dimension[0]) {
        items.add(new VectorItem(id, vector));
      } else {
        LOG.warn("vector {} of {} has {} elements, not {}; left out", id, set, vector.length, dimension[0]);
      }
    });
    return new Snapshot(generation, dimension[0], items);
  }
}
