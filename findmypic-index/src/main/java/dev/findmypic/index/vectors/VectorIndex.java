package dev.findmypic.index.vectors;

import java.util.List;

/**
 * A nearest-neighbour index over unit vectors, by inner product (cosine similarity). Usable on its own inside a host
 * application's storage: create one with {@link #create(int, int)}, add vectors under your own ids, search.
 *
 * <p>Searches are thread-safe and may run beside each other; {@link #add} and {@link #remove} must not run beside a
 * search. Results are ordered by similarity, highest first, ties by ascending id, so equal inputs give equal pages.
 */
public interface VectorIndex {
  /** The size up to which {@link #create(int, int)} picks an exact scan. */
  int EXACT_UP_TO = 20_000;

  /** @return the vectors' length */
  int dimension();

  /** @return the number of vectors */
  int size();

  /**
   * Adds a vector, replacing any vector with the same id.
   *
   * @param id its id
   * @param vector a unit vector of {@link #dimension()} elements; the index keeps it, the caller must not change it
   * @throws IllegalArgumentException if its length is wrong
   */
  void add(long id, float[] vector);

  /**
   * Removes a vector.
   *
   * @param id its id
   * @return true if it was there
   */
  boolean remove(long id);

  /**
   * Returns a stored vector.
   *
   * @param id its id
   * @return the vector (do not change it), or null if absent
   */
  float[] vector(long id);

  /**
   * Finds the vectors most similar to a query among those a filter accepts.
   *
   * @param query a unit vector of {@link #dimension()} elements
   * @param k how many to return at most
   * @param filter which ids may be returned, or null for all
   * @return up to {@code k} neighbours, most similar first
   */
  List<Neighbor> search(float[] query, int k, IdFilter filter);

  /**
   * Creates an empty index of the kind that suits the expected size: an exact scan up to {@link #EXACT_UP_TO}
   * vectors, an HNSW graph above.
   *
   * @param dimension the vectors' length
   * @param expectedSize how many vectors it will hold
   * @return the index
   */
  static VectorIndex create(int dimension, int expectedSize) {
    return expectedSize <= EXACT_UP_TO
        ? new ExactVectorIndex(dimension)
        : new HnswVectorIndex(dimension, expectedSize, HnswVectorIndex.DEFAULT_EF);
  }
}
