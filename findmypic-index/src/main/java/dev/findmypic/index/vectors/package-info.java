/**
 * Nearest-neighbour search over unit vectors: {@link dev.findmypic.index.vectors.VectorIndex} (exact scan for small
 * sets, an hnswlib graph for large ones) and {@link dev.findmypic.index.vectors.CatalogueVectorIndexes}, which keeps one
 * index per (kind, model key) in step with the catalogue and caches HNSW graphs in files read through an
 * {@code ObjectInputFilter} allow-list.
 */
package dev.findmypic.index.vectors;
