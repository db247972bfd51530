package dev.findmypic.index.vectors;

/**
 * One result of a vector search.
 *
 * @param id the vector's id
 * @param similarity the inner product with the query; the cosine similarity, since vectors are unit length
 */
public record Neighbor(long id, float similarity) {}
