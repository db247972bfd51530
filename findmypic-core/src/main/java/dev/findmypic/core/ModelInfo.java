package dev.findmypic.core;

import java.util.Set;

/**
 * Identifies the model behind an analyser, so that vectors of two models are never mixed. Two analysers with equal
 * {@code ModelInfo} produce interchangeable vectors.
 *
 * @param id the model's id, for example {@code openai/clip-vit-base-patch32}
 * @param revision the exact revision (a commit hash for a Hub model, a sha256 for a single file, or a version)
 * @param dimension the length of the vectors the model produces
 * @param modalities what the model can embed; empty for models that do not embed (detectors, OCR)
 */
public record ModelInfo(String id, String revision, int dimension, Set<Modality> modalities) {
  /** Copies the set so the record stays immutable. */
  public ModelInfo {
    modalities = Set.copyOf(modalities);
  }

  /** @return {@code id@revision}, the key under which the model's vectors are stored */
  public String key() {
    return id + "@" + revision;
  }
}
