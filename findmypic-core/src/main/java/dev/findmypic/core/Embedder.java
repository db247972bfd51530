package dev.findmypic.core;

import java.util.List;

/**
 * Turns text and/or pictures into vectors of one shared space: with CLIP, the text "a red car" and a photo of a red
 * car land close together; with a sentence model, two passages of like meaning do.
 *
 * <p>Contract:
 * <ul>
 *   <li>Every vector is L2-normalised and has {@link ModelInfo#dimension()} elements, so the dot product of two
 *       vectors is their cosine similarity.</li>
 *   <li>The batch methods return one vector per input, in input order, equal (within floating-point tolerance) to
 *       what the single-input methods return.</li>
 *   <li>Implementations are thread-safe. The model is loaded lazily on first use.</li>
 *   <li>Whoever opened the embedder closes it; {@link #close()} frees the model's native memory. Calls after
 *       {@code close()} throw {@link IllegalStateException}.</li>
 *   <li>A method whose modality is not in {@link ModelInfo#modalities()} throws
 *       {@link UnsupportedOperationException}.</li>
 * </ul>
 */
public interface Embedder extends AutoCloseable {
  /** @return which model this is; vectors of embedders with equal infos are interchangeable */
  ModelInfo info();

  /**
   * Embeds texts. Empty text is allowed; text longer than the model's context is truncated.
   *
   * @param texts the texts
   * @return one unit vector per text, in order
   * @throws InferenceException if the model fails
   */
  List<float[]> embedTexts(List<String> texts);

  /**
   * Embeds pictures.
   *
   * @param pictures the pictures
   * @return one unit vector per picture, in order
   * @throws InferenceException if the model fails
   */
  List<float[]> embedImages(List<Picture> pictures);

  /**
   * Embeds one text.
   *
   * @param text the text
   * @return its unit vector
   */
  default float[] embedText(String text) {
    return embedTexts(List.of(text)).get(0);
  }

  /**
   * Embeds one picture.
   *
   * @param picture the picture
   * @return its unit vector
   */
  default float[] embedImage(Picture picture) {
    return embedImages(List.of(picture)).get(0);
  }

  /** Frees the model. Idempotent. */
  @Override
  void close();
}
