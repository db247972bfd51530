package dev.findmypic.index.catalogue;

import java.util.Objects;

/**
 * Names one set of interchangeable vectors: a kind and the {@code ModelInfo.key()} of the model that made them.
 *
 * @param kind the kind
 * @param modelKey {@code id@revision} of the model
 */
public record VectorSetId(VectorKind kind, String modelKey) {
  /** Checks the arguments. */
  public VectorSetId {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(modelKey, "modelKey");
  }
}
