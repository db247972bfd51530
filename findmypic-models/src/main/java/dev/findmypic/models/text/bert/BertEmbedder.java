package dev.findmypic.models.text.bert;

import ai.djl.ndarray.NDManager;
import dev.findmypic.core.Embedder;
import dev.findmypic.core.Modality;
import dev.findmypic.core.ModelInfo;
import dev.findmypic.core.Picture;
import dev.findmypic.models.nn.CheckpointWeights;
import dev.findmypic.models.nn.LazyModel;
import dev.findmypic.models.nn.LoadedTextModel;
import dev.findmypic.models.nn.MeanPooling;
import dev.findmypic.models.nn.PyTorchThreads;
import dev.findmypic.models.nn.TextTokenizer;
import dev.findmypic.models.nn.TokenBatch;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * Sentence embeddings in the sentence-transformers way (all-MiniLM-L6-v2 and its kind) from a Hugging Face model
 * directory ({@code config.json}, {@code tokenizer.json}, {@code model.safetensors} or {@code pytorch_model.bin}) on
 * DJL's PyTorch engine: BERT, mean pooling over the attention mask, L2 normalisation. Texts are truncated to
 * {@code maxTokens} (256 for all-MiniLM-L6-v2, its training length).
 *
 * <p>Text only; {@link #embedImages} throws {@link UnsupportedOperationException}. The model loads on first use; the
 * instance is thread-safe; {@link #close()} frees the native memory.
 */
public final class BertEmbedder implements Embedder {
  /** The token limit of all-MiniLM-L6-v2 (sentence-transformers' {@code max_seq_length}). */
  public static final int MINILM_MAX_TOKENS = 256;

  private final ModelInfo info;
  private final int maxBatch;
  private final LazyModel<Loaded> model;

  private record Loaded(NDManager manager, BertModel model, TextTokenizer tokenizer, int dimension)
      implements LoadedTextModel {
    @Override
    public float[] features(NDManager scope, TokenBatch tokens) {
      float[] hidden = model.encode(scope, tokens).lastHiddenState().toFloatArray();
      return MeanPooling.apply(hidden, tokens.mask(), tokens.size(), tokens.length(), dimension);
    }

    @Override
    public void close() {
      tokenizer.close();
      manager.close();
    }
  }

  private BertEmbedder(ModelInfo info, int maxBatch, java.util.function.Supplier<Loaded> loader) {
    this.info = info;
    this.maxBatch = maxBatch;
    this.model = new LazyModel<>(info.key(), loader);
  }

  /**
   * Opens a BERT sentence-embedding model directory. Only {@code config.json} is read now.
   *
   * @param dir the model directory
   * @param id the model id, for example {@code sentence-transformers/all-MiniLM-L6-v2}
   * @param revision the exact revision
   * @param maxTokens the most tokens a text becomes, special tokens included, at most the model's positions
   * @param threads the PyTorch intra-op thread count (process-wide, see {@link PyTorchThreads})
   * @param maxBatch the most texts one forward pass takes
   * @return the embedder; the caller closes it
   * @throws dev.findmypic.core.ModelFormatException if {@code config.json} is missing or malformed
   */
  public static BertEmbedder open(Path dir, String id, String revision, int maxTokens, int threads, int maxBatch) {
    BertConfig config = BertConfig.read(dir.resolve("config.json"));
    if (maxTokens < 2 || maxTokens > config.maxPositions() || maxBatch < 1) {
      throw new IllegalArgumentException("maxTokens must be in [2, " + config.maxPositions() + "] and maxBatch "
          + "positive, got " + maxTokens + " and " + maxBatch);
    }
    ModelInfo info = new ModelInfo(id, revision, config.encoder().hiddenSize(), Set.of(Modality.TEXT));
    return new BertEmbedder(info, maxBatch, () -> load(dir, config, maxTokens, threads));
  }

  private static Loaded load(Path dir, BertConfig config, int maxTokens, int threads) {
    PyTorchThreads.set(threads);
    return CheckpointWeights.build(dir, "bert.", "BERT", (manager, weights) -> new Loaded(
        manager,
        BertModel.load(config, weights),
        TextTokenizer.open(dir.resolve("tokenizer.json"), maxTokens, 0),
        config.encoder().hiddenSize()));
  }

  @Override
  public ModelInfo info() {
    return info;
  }

  @Override
  public List<float[]> embedTexts(List<String> texts) {
    return LoadedTextModel.embed(model, texts, maxBatch, info.dimension());
  }

  /** @throws UnsupportedOperationException always: this is a text model */
  @Override
  public List<float[]> embedImages(List<Picture> pictures) {
    throw new UnsupportedOperationException(info.key() + " embeds text only");
  }

  @Override
  public void close() {
    model.close();
  }
}
