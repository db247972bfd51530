package dev.findmypic.models.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.SparseFormat;
import ai.djl.nn.core.Embedding;

/** A lookup table of learnt vectors, one row per id (tokens, positions, token types). Thread-safe. */
public final class EmbeddingTable {
  private final NDArray table;

  /**
   * Wraps a table.
   *
   * @param table {@code [ids, hidden]}
   */
  public EmbeddingTable(NDArray table) {
    this.table = table;
  }

  /**
   * Loads {@code prefix.weight}.
   *
   * @param weights the parameters
   * @param prefix the table's name, for example {@code text_model.embeddings.token_embedding}
   * @return the table
   */
  public static EmbeddingTable load(Weights weights, String prefix) {
    return new EmbeddingTable(weights.get(prefix + ".weight"));
  }

  /**
   * Looks ids up.
   *
   * @param ids an INT64 array of ids, each below {@link #size()}
   * @return {@code [ids..., hidden]}, owned by {@code ids}' manager
   */
  public NDArray lookup(NDArray ids) {
    return Embedding.embedding(ids, table, SparseFormat.DENSE).singletonOrThrow();
  }

  /** @return the number of rows */
  public long size() {
    return table.getShape().get(0);
  }
}
