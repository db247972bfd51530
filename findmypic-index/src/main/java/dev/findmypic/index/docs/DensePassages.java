package dev.findmypic.index.docs;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The passage vectors of one model in one contiguous array, searched exactly: a query is compared with every passage
 * (about 0.1 ms per thousand 384-d passages), which at the size of a personal document collection is both exact and
 * fast enough. Immutable and thread-safe.
 */
final class DensePassages {
  /** A document's best passage for a query. */
  record DocumentMatch(long document, long passage, float similarity) {}

  private final int dimension;
  private final long[] passageIds;
  private final long[] documentIds;
  private final float[] matrix;
  private final Map<Long, List<Integer>> rowsByDocument = new HashMap<>();

  DensePassages(List<DocumentStore.StoredVector> vectors, int dimension) {
    this.dimension = dimension;
    int n = vectors.size();
    passageIds = new long[n];
    documentIds = new long[n];
    matrix = new float[n * dimension];
    for (int i = 0; i < n; i++) {
      DocumentStore.StoredVector v = vectors.get(i);
      if (v.vector().length != dimension) {
        throw new DocumentException("passage " + v.passage() + " has a " + v.vector().length
            + "-d vector where the model gives " + dimension + "; rebuild the document index");
      }
      passageIds[i] = v.passage();
      documentIds[i] = v.document();
      System.arraycopy(v.vector(), 0, matrix, i * dimension, dimension);
      rowsByDocument.computeIfAbsent(v.document(), d -> new ArrayList<>()).add(i);
    }
  }

  /**
   * Ranks documents by their most similar passage.
   *
   * @param query the query's unit vector
   * @param limit the most documents
   * @return the documents, most similar first
   */
  List<DocumentMatch> rankDocuments(float[] query, int limit) {
    Map<Long, DocumentMatch> best = new LinkedHashMap<>();
    for (int row = 0; row < passageIds.length; row++) {
      float similarity = dot(query, row);
      DocumentMatch current = best.get(documentIds[row]);
      if (current == null || similarity > current.similarity()) {
        best.put(documentIds[row], new DocumentMatch(documentIds[row], passageIds[row], similarity));
      }
    }
    return best.values().stream()
        .sorted((a, b) -> Float.compare(b.similarity(), a.similarity()))
        .limit(limit)
        .toList();
  }

  /**
   * Returns the similarity of each passage of a document to a query.
   *
   * @param document the document
   * @param query the query's unit vector
   * @return passage id to cosine similarity; empty if the document has no vectors of this model
   */
  Map<Long, Float> passageSimilarities(long document, float[] query) {
    Map<Long, Float> similarities = new HashMap<>();
    for (int row : rowsByDocument.getOrDefault(document, List.of())) {
      similarities.put(passageIds[row], dot(query, row));
    }
    return similarities;
  }

  private float dot(float[] query, int row) {
    int offset = row * dimension;
    float sum = 0;
    for (int d = 0; d < dimension; d++) {
      sum += query[d] * matrix[offset + d];
    }
    return sum;
  }
}
