package dev.findmypic.models.nn;

import ai.djl.ndarray.NDManager;
import java.util.List;

/**
 * A loaded text model on the PyTorch engine as a {@link LazyModel} holds it: its manager, its tokenizer and one
 * forward pass from token ids to features. {@link #embed} is the batch loop that every such embedder shares.
 */
public interface LoadedTextModel extends AutoCloseable {
  /** @return the model's manager, which owns its parameters */
  NDManager manager();

  /** @return the model's tokenizer */
  TextTokenizer tokenizer();

  /**
   * Runs one batch.
   *
   * @param scope owns every array the pass makes; closed by the caller afterwards
   * @param tokens the batch
   * @return {@code [tokens.size(), dimension]} features, row-major, not yet normalised
   */
  float[] features(NDManager scope, TokenBatch tokens);

  /** Frees the tokenizer and the model's native memory. */
  @Override
  void close();

  /**
   * Embeds texts in chunks of at most {@code maxBatch}: each chunk tokenised, run in its own sub-scope of the model's
   * manager (freed right after), its features L2-normalised.
   *
   * @param model the lazily loaded model
   * @param texts the texts
   * @param maxBatch the most texts one pass takes
   * @param dimension the length of one vector
   * @param <T> the loaded model
   * @return one unit vector per text, in order
   */
  static <T extends LoadedTextModel> List<float[]> embed(
      LazyModel<T> model, List<String> texts, int maxBatch, int dimension) {
    return model.embedInChunks(texts, maxBatch, dimension, (loaded, chunk) -> {
      TokenBatch tokens = loaded.tokenizer().encode(chunk);
      try (NDManager scope = loaded.manager().newSubManager()) {
        return loaded.features(scope, tokens);
      }
    });
  }
}
