package dev.findmypic.models.clip;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.findmypic.core.Embedder;
import dev.findmypic.core.Modality;
import dev.findmypic.core.ModelException;
import dev.findmypic.core.ModelInfo;
import dev.findmypic.core.Picture;
import dev.findmypic.models.nn.CheckpointWeights;
import dev.findmypic.models.nn.LazyModel;
import dev.findmypic.models.nn.LoadedTextModel;
import dev.findmypic.models.nn.Precision;
import dev.findmypic.models.nn.PyTorchThreads;
import dev.findmypic.models.nn.TextTokenizer;
import dev.findmypic.models.nn.TokenBatch;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * CLIP text and image embeddings from a Hugging Face model directory ({@code config.json},
 * {@code preprocessor_config.json}, {@code tokenizer.json} and {@code model.safetensors} or {@code pytorch_model.bin})
 * on DJL's PyTorch engine.
 *
 * <p>Vectors are the projected features, L2-normalised, interchangeable with transformers'
 * {@code CLIPModel.get_text_features} / {@code get_image_features} after normalisation. The model loads on first use;
 * the instance is thread-safe; {@link #close()} frees the native memory. Large batches are cut into chunks of
 * {@code maxBatch}.
 */
public final class ClipEmbedder implements Embedder {
  /** CLIP's padding id: transformers pads CLIP input with the end-of-text token. */
  static final long PAD_ID = 49407;

  private final ModelInfo info;
  private final int maxBatch;
  private final LazyModel<Loaded> model;

  private record Loaded(NDManager manager, ClipModel model, TextTokenizer tokenizer, ClipImageProcessor processor)
      implements LoadedTextModel {
    @Override
    public float[] features(NDManager scope, TokenBatch tokens) {
      return model.encodeTexts(scope, tokens).features().toFloatArray();
    }

    @Override
    public void close() {
      tokenizer.close();
      manager.close();
    }
  }

  private ClipEmbedder(Path dir, ClipConfig config, ModelInfo info, int threads, int maxBatch, Precision precision) {
    this.info = info;
    this.maxBatch = maxBatch;
    this.model = new LazyModel<>(info.key(), () -> load(dir, config, threads, precision));
  }

  /**
   * Opens a CLIP model directory. Only {@code config.json} is read now; weights, tokenizer and preprocessing load on
   * first use.
   *
   * @param dir the model directory
   * @param id the model id, for example {@code openai/clip-vit-base-patch32}
   * @param revision the exact revision
   * @param threads the PyTorch intra-op thread count (process-wide, see {@link PyTorchThreads})
   * @param maxBatch the most inputs one forward pass takes
   * @return the embedder; the caller closes it
   * @throws dev.findmypic.core.ModelFormatException if {@code config.json} is missing or malformed
   */
  public static ClipEmbedder open(Path dir, String id, String revision, int threads, int maxBatch) {
    return open(dir, id, revision, threads, maxBatch, Precision.AUTO);
  }

  /**
   * Opens a CLIP model directory with a chosen precision. Only {@code config.json} is read now.
   *
   * @param dir the model directory
   * @param id the model id, for example {@code openai/clip-vit-base-patch32}
   * @param revision the exact revision
   * @param threads the PyTorch intra-op thread count (process-wide, see {@link PyTorchThreads})
   * @param maxBatch the most inputs one forward pass takes
   * @param precision {@link Precision#AUTO} (fp16 on a GPU, fp32 on a CPU), or a fixed one; vectors are float32
   *     unit vectors either way
   * @return the embedder; the caller closes it
   * @throws dev.findmypic.core.ModelFormatException if {@code config.json} is missing or malformed
   */
  public static ClipEmbedder open(
      Path dir, String id, String revision, int threads, int maxBatch, Precision precision) {
    if (maxBatch < 1) {
      throw new IllegalArgumentException("maxBatch must be at least 1, got " + maxBatch);
    }
    ClipConfig config = ClipConfig.read(dir.resolve("config.json"));
    ModelInfo info = new ModelInfo(id, revision, config.projectionDim(), Set.of(Modality.TEXT, Modality.IMAGE));
    return new ClipEmbedder(dir, config, info, threads, maxBatch, precision);
  }

  static TextTokenizer openTokenizer(Path tokenizerJson) {
    return TextTokenizer.open(tokenizerJson, 77, PAD_ID);
  }

  private static Loaded load(Path dir, ClipConfig config, int threads, Precision precision) {
    PyTorchThreads.set(threads);
    ClipImageProcessor processor = ClipImageProcessor.read(dir.resolve("preprocessor_config.json"));
    if (processor.height() != config.vision().imageSize() || processor.width() != config.vision().imageSize()) {
      throw new ModelException(dir + ": preprocessor crops " + processor.height() + "x" + processor.width()
          + " but the model takes " + config.vision().imageSize() + " pixels square");
    }
    return CheckpointWeights.build(dir, null, "CLIP", (manager, weights) -> new Loaded(
        manager,
        ClipModel.load(config, weights, precision),
        TextTokenizer.open(dir.resolve("tokenizer.json"), config.text().maxPositions(), PAD_ID),
        processor));
  }

  @Override
  public ModelInfo info() {
    return info;
  }

  @Override
  public List<float[]> embedTexts(List<String> texts) {
    return LoadedTextModel.embed(model, texts, maxBatch, info.dimension());
  }

  @Override
  public List<float[]> embedImages(List<Picture> pictures) {
    return model.embedInChunks(pictures, maxBatch, info.dimension(), (loaded, chunk) -> {
      ClipImageProcessor processor = loaded.processor;
      float[] pixels = new float[chunk.size() * processor.pixelCount()];
      for (int i = 0; i < chunk.size(); i++) {
        processor.process(chunk.get(i), pixels, i * processor.pixelCount());
      }
      try (NDManager scope = loaded.manager.newSubManager()) {
        NDArray input = scope.create(pixels, new Shape(chunk.size(), 3, processor.height(), processor.width()));
        return loaded.model.encodeImages(input).features().toFloatArray();
      }
    });
  }

  /**
   * The model's logit scale, {@code exp(logit_scale)}: zero-shot classification scores a picture against labels as
   * this times the dot products of their unit vectors, then takes a softmax. Loads the model if needed.
   *
   * @return the scale, 100 for OpenAI's checkpoints
   */
  public float logitScale() {
    return model.use(loaded -> loaded.model.logitScale());
  }

  @Override
  public void close() {
    model.close();
  }
}
