package dev.findmypic.core;

import java.util.Arrays;
import java.util.Locale;

/** What a model is used for. Each role has one model at a time, chosen by the model store's resolution order. */
public enum ModelRole {
  /** Text and image embeddings in one space (CLIP): text-to-photo and photo-to-photo search. */
  CLIP("clip"),
  /** Sentence embeddings for documents and OCR text (all-MiniLM-L6-v2). */
  TEXT("text"),
  /** Face detection and face embeddings. */
  FACES("faces"),
  /** Text recognition in photos. */
  OCR("ocr");

  private final String key;

  ModelRole(String key) {
    this.key = key;
  }

  /** @return the short name used on the command line and in {@code config.json}, for example {@code clip} */
  public String key() {
    return key;
  }

  /**
   * Finds a role by its short name.
   *
   * @param key the short name, case-insensitive
   * @return the role
   * @throws IllegalArgumentException naming the known roles if none matches
   */
  public static ModelRole ofKey(String key) {
    String k = key.trim().toLowerCase(Locale.ROOT);
    return Arrays.stream(values())
        .filter(r -> r.key.equals(k))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException(
            "unknown model role '" + key + "'; known roles: " + Arrays.toString(Arrays.stream(values()).map(ModelRole::key).toArray())));
  }
}
