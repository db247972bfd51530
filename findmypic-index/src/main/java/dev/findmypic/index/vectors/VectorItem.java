package dev.findmypic.index.vectors;

import com.github.jelmerk.hnswlib.core.Item;

/**
 * One vector in the HNSW graph. Serialised inside index files, so it is on the load filter's allow-list.
 *
 * @param id the vector's id
 * @param vector the unit vector
 */
record VectorItem(Long id, float[] vector) implements Item<Long, float[]> {
  private static final long serialVersionUID = 1L;

  @Override
  public int dimensions() {
    return vector.length;
  }
}
