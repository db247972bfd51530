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
import java.util.TreeSet;

/**
 * CLIP text and image embeddings from a Hugging Face model directory ({@code config.json},
 * {@code preprocessor_config.json}, {@code tokenizer.json} and {@code model.safetensors} or {@code pytorch_model.bin})
 * on DJL's PyTorch engine.
 *
 * <p>Vectors are the projected features, L2-normalised, interchangeable with transformers'
 * {@code CLIPModel.get_text_features} / {@code get_image_features} after normalisation. Each tower loads on its first
 * use, so indexing photos holds only the image tower (ViT-B/32: 350 of 600 MB) and searching by text only the text
 * tower; the instance is thread-safe; {@link #close()} frees the native memory. Large batches are cut into chunks of
 * {@code maxBatch}.
 */
public final class ClipEmbedder implements Embedder {
  /** CLIP's padding id: transformers pads CLIP input with the end-of-text token. */
  static final long PAD_ID = 49407;

  private final ModelInfo info;
  private final int maxBatch;
  private final LazyModel<LoadedVision> vision;
  private final LazyModel<LoadedText> text;

  /** The image tower and its preprocessing, in a manager of their own. */
  private record LoadedVision(NDManager manager, VisionTower tower, ClipImageProcessor processor)
      implements AutoCloseable {
    @Override
    public void close() {
      manager.close();
    }
  }

  /** The text tower, its tokenizer and the logit scale, in a manager of their own. */
  private record LoadedText(NDManager manager, TextTower tower, TextTokenizer tokenizer, float logitScale)
      implements LoadedTextModel {
    @Override
    public float[] features(NDManager scope, TokenBatch tokens) {
      return tower.apply(scope, tokens).features().toFloatArray();
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
    this.vision = new LazyModel<>(info.key() + " image tower", () -> loadVision(dir, config, threads, precision));
    this.text = new LazyModel<>(info.key() + " text tower", () -> loadText(dir, config, threads, precision));
  }

  /**
   * Opens a CLIP model directory. Only {@code config.json} is read now; each tower loads on its first use, the image
   * tower with the preprocessing, the text tower with the tokenizer.
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

  /** Loads the image tower alone: the checkpoint's {@code text_model.*} tensors are never read. */
  private static LoadedVision loadVision(Path dir, ClipConfig config, int threads, Precision precision) {
    PyTorchThreads.set(threads);
    ClipImageProcessor processor = ClipImageProcessor.read(dir.resolve("preprocessor_config.json"));
    if (processor.height() != config.vision().imageSize() || processor.width() != config.vision().imageSize()) {
      throw new ModelException(dir + ": preprocessor crops " + processor.height() + "x" + processor.width()
          + " but the model takes " + config.vision().imageSize() + " pixels square");
    }
    return CheckpointWeights.build(dir, null, "CLIP image tower", (manager, weights) -> new LoadedVision(
        manager,
        VisionTower.load(config.vision(), weights, ClipModel.weightType(weights, precision)),
        processor));
  }

  /** Loads the text tower alone: the checkpoint's {@code vision_model.*} tensors are never read. */
  private static LoadedText loadText(Path dir, ClipConfig config, int threads, Precision precision) {
    PyTorchThreads.set(threads);
    return CheckpointWeights.build(dir, null, "CLIP text tower", (manager, weights) -> new LoadedText(
        manager,
        TextTower.load(config.text(), weights, ClipModel.weightType(weights, precision)),
        TextTokenizer.open(dir.resolve("tokenizer.json"), config.text().maxPositions(), PAD_ID),
        ClipModel.logitScale(weights)));
  }

  @Override
  public ModelInfo info() {
    return info;
  }

  @Override
  public List<float[]> embedTexts(List<String> texts) {
    return LoadedTextModel.embed(text, texts, maxBatch, info.dimension());
  }

  @Override
  public List<float[]> embedImages(List<Picture> pictures) {
    return vision.embedInChunks(pictures, maxBatch, info.dimension(), (loaded, chunk) -> {
      ClipImageProcessor processor = loaded.processor;
      float[] pixels = new float[chunk.size() * processor.pixelCount()];
      for (int i = 0; i < chunk.size(); i++) {
        processor.process(chunk.get(i), pixels, i * processor.pixelCount());
      }
      try (NDManager scope = loaded.manager.newSubManager()) {
        NDArray input = scope.create(pixels, new Shape(chunk.size(), 3, processor.height(), processor.width()));
        return loaded.tower.apply(input).features().toFloatArray();
      }
    });
  }

  /**
   * The model's logit scale, {@code exp(logit_scale)}: zero-shot classification scores a picture against labels as
   * this times the dot products of their unit vectors, then takes a softmax. Loads the text tower if needed.
   *
   * @return the scale, 100 for OpenAI's checkpoints
   */
  public float logitScale() {
    return text.use(LoadedText::logitScale);
  }

  @Override
  public void close() {
    try (text) {
      vision.close();
    }
  }

  /** @return which towers are loaded now: {@code "image"}, {@code "text"}, both or neither */
  Set<String> loadedTowers() {
    Set<String> loaded = new TreeSet<>();
    if (vision.isLoaded()) {
      loaded.add("image");
    }
    if (text.isLoaded()) {
      loaded.add("text");
    }
    return loaded;
  }
}
