package dev.findmypic.models.text.bert;

import ai.djl.engine.EngineException;
import ai.djl.ndarray.NDManager;
import dev.findmypic.core.Embedder;
import dev.findmypic.core.FindMyPicException;
import dev.findmypic.core.InferenceException;
import dev.findmypic.core.Modality;
import dev.findmypic.core.ModelException;
import dev.findmypic.core.ModelInfo;
import dev.findmypic.core.Picture;
import dev.findmypic.models.nn.CheckpointWeights;
import dev.findmypic.models.nn.LazyModel;
import dev.findmypic.models.nn.MeanPooling;
import dev.findmypic.models.nn.PyTorchThreads;
import dev.findmypic.models.nn.TextTokenizer;
import dev.findmypic.models.nn.TokenBatch;
import dev.findmypic.models.nn.UnitRows;
import java.nio.file.Path;
import java.util.ArrayList;
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

  private record Loaded(NDManager manager, BertModel model, TextTokenizer tokenizer) implements AutoCloseable {
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
    NDManager manager = NDManager.newBaseManager("PyTorch");
    try (CheckpointWeights weights = CheckpointWeights.open(CheckpointWeights.find(dir), manager, "bert.")) {
      BertModel bert = BertModel.load(config, weights);
      return new Loaded(manager, bert, TextTokenizer.open(dir.resolve("tokenizer.json"), maxTokens, 0));
    } catch (RuntimeException e) {
      manager.close();
      if (e instanceof FindMyPicException) {
        throw e;
      }
      throw new ModelException("cannot load BERT model from " + dir + ": " + e.getMessage(), e);
    }
  }

  @Override
  public ModelInfo info() {
    return info;
  }

  @Override
  public List<float[]> embedTexts(List<String> texts) {
    List<float[]> out = new ArrayList<>(texts.size());
    if (texts.isEmpty()) {
      return out;
    }
    return model.use(loaded -> {
      for (int start = 0; start < texts.size(); start += maxBatch) {
        TokenBatch tokens = loaded.tokenizer.encode(texts.subList(start, Math.min(texts.size(), start + maxBatch)));
        try (NDManager scope = loaded.manager.newSubManager()) {
          float[] pooled = MeanPooling.apply(loaded.model.encode(scope, tokens).lastHiddenState(), tokens)
              .toFloatArray();
          out.addAll(UnitRows.split(pooled, info.dimension()));
        } catch (EngineException e) {
          throw new InferenceException(info.key() + ": inference failed: " + e.getMessage(), e);
        }
      }
      return out;
    });
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
