package dev.findmypic.core;

import java.util.ServiceLoader;

/**
 * Opens the analysers of one implementation (FindMyPic's own lives in {@code findmypic-models}). Found at run time
 * with {@link ServiceLoader}, so the indexing and search code depends on this interface only and a host application
 * can plug in its own models.
 *
 * <p>Each method opens a new analyser that the caller closes. A role whose model cannot be had (not cached and
 * offline, say) throws {@link ModelException} whose message says what is missing and the command that fetches it.
 */
public interface ModelProvider {
  /**
   * Opens the embedder for a role.
   *
   * @param role {@link ModelRole#CLIP} or {@link ModelRole#TEXT}
   * @param settings data directory, overrides, offline flag and threads
   * @return an embedder, loaded lazily
   * @throws ModelException if the model cannot be had
   */
  Embedder openEmbedder(ModelRole role, ModelSettings settings);

  /**
   * Opens the face recogniser.
   *
   * @param settings data directory, overrides, offline flag and threads
   * @return a face recogniser
   * @throws ModelException if the models cannot be had
   */
  FaceRecognizer openFaceRecognizer(ModelSettings settings);

  /**
   * Opens the OCR engine.
   *
   * @param settings data directory, overrides, offline flag and threads
   * @return an OCR engine
   * @throws ModelException if the models cannot be had
   */
  OcrEngine openOcrEngine(ModelSettings settings);

  /**
   * Returns the decoder whose pictures this provider's analysers expect.
   *
   * @return a thread-safe photo decoder
   */
  PhotoDecoder photoDecoder();

  /**
   * Finds the provider on the class path.
   *
   * @return the first provider {@link ServiceLoader} finds
   * @throws ModelException if there is none, naming the artifact to add
   */
  static ModelProvider load() {
    return ServiceLoader.load(ModelProvider.class)
        .findFirst()
        .orElseThrow(() -> new ModelException(
            "no ModelProvider on the class path: add the dev.findmypic:findmypic-models dependency, or register your "
                + "own implementation in META-INF/services/dev.findmypic.core.ModelProvider"));
  }
}
