package dev.findmypic.models.store;

/**
 * What one request is about, for messages: the model, the revision (null for URL files) and the file.
 *
 * @param model the model id
 * @param revision the revision asked for, or null
 * @param file the file's path inside the model
 */
record DownloadTarget(String model, String revision, String file) {
  /** @return for example {@code file 'config.json' of model openai/clip-vit-base-patch32 at revision main} */
  String describe() {
    return "file '" + file + "' of model " + model + (revision == null ? "" : " at revision " + revision);
  }
}
