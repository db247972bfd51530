package dev.findmypic.index.vectors;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An exact scan over vectors kept in one flat array: the right choice up to some tens of thousands of vectors, and
 * the reference that the HNSW index is measured against.
 */
final class ExactVectorIndex implements VectorIndex {
  private final int dimension;
  private final Map<Long, Integer> rows = new HashMap<>();
  private float[] data;
  private long[] ids;
  private int size;

  ExactVectorIndex(int dimension) {
    if (dimension < 1) {
      throw new IllegalArgumentException("dimension must be positive, got " + dimension);
    }
    this.dimension = dimension;
    this.data = new float[dimension * 16];
    this.ids = new long[16];
  }

  @Override
  public int dimension() {
    return dimension;
  }

  @Override
  public int size() {
    return size;
  }

  @Override
  public void add(long id, float[] vector) {
    Vectors.checkDimension(vector, dimension);
    Integer row = rows.get(id);
    if (row == null) {
      if (size == ids.length) {
        ids = Arrays.copyOf(ids, size * 2);
        data = Arrays.copyOf(data, size * 2 * dimension);
      }
      row = size++;
      rows.put(id, row);
      ids[row] = id;
    }
    System.arraycopy(vector, 0, data, row * dimension, dimension);
  }

  @Override
  public boolean remove(long id) {
    Integer row = rows.remove(id);
    if (row == null) {
      return false;
    }
    int last = --size;
    if (row != last) {
      ids[row] = ids[last];
      System.arraycopy(data, last * dimension, data, row * dimension, dimension);
      rows.put(ids[row], row);
    }
    return true;
  }

  @Override
  public float[] vector(long id) {
    Integer row = rows.get(id);
    return row == null ? null : Arrays.copyOfRange(data, row * dimension, (row + 1) * dimension);
  }

  @Override
  public List<Neighbor> search(float[] query, int k, IdFilter filter) {
    Vectors.checkDimension(query, dimension);
    TopK top = new TopK(k);
    long[] accepted = filter == null ? null : filter.acceptedIds();
    if (accepted != null && accepted.length < size) {
      for (long id : accepted) {
        Integer row = rows.get(id);
        if (row != null) {
          top.offer(id, Vectors.dot(query, data, row * dimension));
        }
      }
      return top.sorted();
    }
    for (int row = 0; row < size; row++) {
      if (filter == null || filter.accepts(ids[row])) {
        top.offer(ids[row], Vectors.dot(query, data, row * dimension));
      }
    }
    return top.sorted();
  }
}
