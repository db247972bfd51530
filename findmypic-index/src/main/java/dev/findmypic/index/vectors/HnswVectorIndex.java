package dev.findmypic.index.vectors;

import com.github.jelmerk.hnswlib.core.DistanceFunctions;
import com.github.jelmerk.hnswlib.core.SearchResult;
import com.github.jelmerk.hnswlib.core.hnsw.HnswIndex;
import com.github.jelmerk.hnswlib.core.hnsw.SizeLimitExceededException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * An HNSW graph (hnswlib-core) by inner product on unit vectors, M = 16: sub-linear search for large collections.
 *
 * <p>Filtered search happens inside the index. When the filter lists its ids, the graph is asked for as many
 * candidates as should hold {@code k} accepted ones (1.5 × k / the accepted share), unless scanning the accepted ids
 * exactly is cheaper (at most 8 distances per candidate), and falls back to that scan if too few pass. When the
 * filter cannot list its ids, the graph is searched for more candidates than asked (growing by 4× until {@code k}
 * pass), and when that would visit a large share of the graph anyway, every vector is scanned exactly.
 *
 * <p>Thread-safe: searches run beside each other and beside adds and removes, as hnswlib allows, but never beside
 * a growth of the graph's capacity. hnswlib's {@code resize} replaces the pool that a search in flight returns its
 * visited-set to, which fails that search ("Queue full"), so growing waits for the searches in flight.
 */
final class HnswVectorIndex implements VectorIndex {
  /**
   * The default size of the dynamic candidate list at search time: recall@10 0.994 at 100k 512-d vectors with
   * text-like queries, against 0.97 at 200 and 0.90 at 120 (benchmarks/index/RESULTS.md, EfSweep).
   */
  static final int DEFAULT_EF = 400;
  static final int M = 16;
  static final int EF_CONSTRUCTION = 100;

  private final HnswIndex<Long, float[], VectorItem, Float> graph;
  private final ReadWriteLock growth = new ReentrantReadWriteLock();

  HnswVectorIndex(int dimension, int expectedSize, int ef) {
    this(HnswIndex.newBuilder(dimension, DistanceFunctions.FLOAT_INNER_PRODUCT, Math.max(expectedSize, 16))
        .withM(M)
        .withEfConstruction(EF_CONSTRUCTION)
        .withEf(ef)
        .withRemoveEnabled()
        .build());
  }

  /** Wraps a loaded graph; its saved ef is replaced by {@link #DEFAULT_EF}, the current choice. */
  HnswVectorIndex(HnswIndex<Long, float[], VectorItem, Float> graph) {
    this.graph = graph;
    graph.setEf(DEFAULT_EF);
  }

  HnswIndex<Long, float[], VectorItem, Float> graph() {
    return graph;
  }

  @Override
  public int dimension() {
    return graph.getDimensions();
  }

  @Override
  public int size() {
    return graph.size();
  }

  @Override
  public synchronized void add(long id, float[] vector) {
    Vectors.checkDimension(vector, dimension());
    if (graph.size() >= graph.getMaxItemCount()) {
      grow();
    }
    graph.remove(id, 0);
    try {
      graph.add(new VectorItem(id, vector));
    } catch (SizeLimitExceededException e) {
      // removed vectors keep their slots
      grow();
      graph.add(new VectorItem(id, vector));
    }
  }

  /** Doubles the graph's capacity once no search is in flight. */
  private void grow() {
    growth.writeLock().lock();
    try {
      graph.resize(graph.getMaxItemCount() * 2);
    } finally {
      growth.writeLock().unlock();
    }
  }

  @Override
  public synchronized boolean remove(long id) {
    return graph.remove(id, 0);
  }

  @Override
  public float[] vector(long id) {
    Optional<VectorItem> item = graph.get(id);
    return item.map(i -> i.vector().clone()).orElse(null);
  }

  @Override
  public List<Neighbor> search(float[] query, int k, IdFilter filter) {
    Vectors.checkDimension(query, dimension());
    growth.readLock().lock();
    try {
      return searchGraph(query, k, filter);
    } finally {
      growth.readLock().unlock();
    }
  }

  private List<Neighbor> searchGraph(float[] query, int k, IdFilter filter) {
    int size = graph.size();
    if (k <= 0 || size == 0) {
      return List.of();
    }
    if (filter == null) {
      return nearest(query, k, k, null);
    }
    long[] accepted = filter.acceptedIds();
    if (accepted != null) {
      // candidates the graph must yield for k to pass; a graph search costs a few distances per candidate
      long wanted = Math.max(100, (long) Math.ceil(1.5 * k * size / Math.max(1, accepted.length)));
      if (accepted.length <= 8 * wanted || wanted >= size / 4) {
        return scanIds(query, k, accepted);
      }
      List<Neighbor> found = nearest(query, k, (int) wanted, filter);
      return found.size() >= k ? found : scanIds(query, k, accepted);
    }
    for (int wanted = Math.max(k * 8, 100); wanted < size / 4; wanted *= 4) {
      List<Neighbor> found = nearest(query, k, wanted, filter);
      if (found.size() >= k) {
        return found;
      }
    }
    return scanAll(query, k, filter);
  }

  private List<Neighbor> nearest(float[] query, int k, int wanted, IdFilter filter) {
    TopK top = new TopK(k);
    // hnswlib searches with max(ef, wanted) candidates
    List<SearchResult<VectorItem, Float>> results = graph.findNearest(query, wanted);
    for (SearchResult<VectorItem, Float> r : results) {
      long id = r.item().id();
      if (filter == null || filter.accepts(id)) {
        top.offer(id, Vectors.dot(query, r.item().vector(), 0));
      }
    }
    return top.sorted();
  }

  private List<Neighbor> scanIds(float[] query, int k, long[] ids) {
    TopK top = new TopK(k);
    for (long id : ids) {
      Optional<VectorItem> item = graph.get(id);
      if (item.isPresent()) {
        top.offer(id, Vectors.dot(query, item.get().vector(), 0));
      }
    }
    return top.sorted();
  }

  private List<Neighbor> scanAll(float[] query, int k, IdFilter filter) {
    TopK top = new TopK(k);
    for (VectorItem item : graph.items()) {
      if (filter.accepts(item.id())) {
        top.offer(item.id(), Vectors.dot(query, item.vector(), 0));
      }
    }
    return top.sorted();
  }
}
