package dev.findmypic.models.text.onnx;

import ai.djl.Device;
import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.engine.EngineException;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import com.google.common.base.Suppliers;
import com.google.common.hash.Hashing;
import com.google.common.io.MoreFiles;
import dev.findmypic.core.Embedder;
import dev.findmypic.core.InferenceException;
import dev.findmypic.core.Modality;
import dev.findmypic.core.ModelException;
import dev.findmypic.core.ModelFormatException;
import dev.findmypic.core.ModelInfo;
import dev.findmypic.core.Picture;
import dev.findmypic.models.nn.MeanPooling;
import dev.findmypic.models.nn.UnitRows;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A text-only {@link Embedder} running a sentence-transformers model (by default
 * {@code sentence-transformers/all-MiniLM-L6-v2}) exported to ONNX, on DJL's ONNX Runtime engine. It works with the
 * Hub's fp32 {@code onnx/model.onnx} and with int8-quantised exports alike.
 *
 * <p>Texts are tokenised from the model's {@code tokenizer.json} (truncated to {@link Builder#maxTokens(int)}, 256 by
 * default, as sentence-transformers does for this model), grouped into batches of like length, run through the
 * encoder, mean-pooled over the attention mask and L2-normalised.
 *
 * <p>Two choices keep the vectors equal to what onnxruntime gives in Python for the same file (within 1e-7 on 12 of
 * the 13 reference sentences; the 13th, one word repeated 254 times, sits on int8 rounding ties and differs by 1e-3,
 * cosine 0.99998):
 * <ul>
 *   <li>ONNX Runtime's graph optimisation stays at the basic level. The extended level fuses attention, layer norm
 *       and the int8 matrix products into kernels that round differently; on the int8 export that moves vectors by
 *       up to 2e-2 per dimension.</li>
 *   <li>A dynamically quantised export (one with {@code DynamicQuantizeLinear} nodes, such as the int8 MiniLM)
 *       quantises each activation tensor with one scale for the whole batch, padding included, so a text's vector
 *       would depend on its neighbours in the batch (by up to 4e-2). Such a model runs one text at a time, which on
 *       this model costs no measurable throughput; fp32 models run in batches.</li>
 * </ul>
 *
 * <p>The model loads on first use. Thread-safe: calls run concurrently (ONNX Runtime sessions are), and
 * {@link #close()} waits for calls in flight before it frees the session. Setting up the engine sets the system
 * property {@code ai.djl.onnx.disable_alternative=true} unless it is already set, so that loading an ONNX model does
 * not start the PyTorch engine as well.
 */
public final class OnnxSentenceEmbedder implements Embedder {
  /** The model this embedder is built for unless told otherwise. */
  public static final String DEFAULT_MODEL_ID = "sentence-transformers/all-MiniLM-L6-v2";

  private static final Logger LOG = LoggerFactory.getLogger(OnnxSentenceEmbedder.class);
  private static final String DISABLE_ALTERNATIVE = "ai.djl.onnx.disable_alternative";
  private static final String OUTPUT_NAME = "last_hidden_state";
  /** Bounds a batch's padded size (and so its memory) to {@code maxBatch} rows of this many tokens on average. */
  private static final int TOKENS_PER_ROW = 128;

  private final SentenceModelFiles files;
  private final String id;
  private final int dimension;
  private final int maxTokens;
  private final int maxBatch;
  private final int threads;
  private final Supplier<ModelInfo> info;
  private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
  private LoadedModel loaded;
  private boolean closed;

  private OnnxSentenceEmbedder(Builder b) {
    this.files = b.files;
    this.id = b.id;
    this.dimension = b.dimension;
    this.maxTokens = b.maxTokens;
    this.maxBatch = b.maxBatch;
    this.threads = b.threads;
    String revision = b.revision;
    this.info = Suppliers.memoize(() -> new ModelInfo(
        id, revision != null ? revision : sha256(files.model()), dimension, Set.of(Modality.TEXT)));
  }

  /**
   * Starts building an embedder from a model directory (see {@link SentenceModelFiles#in(Path)}).
   *
   * @param modelDirectory the directory with {@code model.onnx} (or {@code onnx/model.onnx}) and
   *     {@code tokenizer.json}
   * @return a builder
   * @throws ModelException if the directory lacks either file
   */
  public static Builder builder(Path modelDirectory) {
    return new Builder(SentenceModelFiles.in(modelDirectory));
  }

  /**
   * Starts building an embedder from files named one by one.
   *
   * @param files the ONNX graph and the tokenizer
   * @return a builder
   */
  public static Builder builder(SentenceModelFiles files) {
    return new Builder(files);
  }

  /**
   * {@inheritDoc}
   *
   * <p>The revision is the one given to the builder, else the sha256 of the ONNX file (computed once, on first call),
   * so that the vectors of an int8 and an fp32 export are never mixed.
   */
  @Override
  public ModelInfo info() {
    return info.get();
  }

  @Override
  public List<float[]> embedTexts(List<String> texts) {
    for (String text : texts) {
      Objects.requireNonNull(text, "texts must not contain null");
    }
    if (texts.isEmpty()) {
      return List.of();
    }
    lock.readLock().lock();
    try {
      LoadedModel model = model();
      List<long[]> sequences = model.tokenizer.encode(texts);
      float[][] vectors = new float[texts.size()][];
      int rowsPerBatch = model.dynamicallyQuantised ? 1 : maxBatch;
      for (int[] rows : LengthBatches.plan(sequences, rowsPerBatch, rowsPerBatch * TOKENS_PER_ROW)) {
        List<long[]> batch = new ArrayList<>(rows.length);
        for (int row : rows) {
          batch.add(sequences.get(row));
        }
        List<float[]> pooled = run(model, TokenBatch.pad(batch));
        for (int i = 0; i < rows.length; i++) {
          vectors[rows[i]] = pooled.get(i);
        }
      }
      return Arrays.asList(vectors);
    } finally {
      lock.readLock().unlock();
    }
  }

  /**
   * Not supported: this is a text model.
   *
   * @throws UnsupportedOperationException always
   */
  @Override
  public List<float[]> embedImages(List<Picture> pictures) {
    throw new UnsupportedOperationException(id + " embeds text only, not pictures");
  }

  @Override
  public void close() {
    lock.writeLock().lock();
    try {
      closed = true;
      if (loaded != null) {
        loaded.close();
        loaded = null;
      }
    } finally {
      lock.writeLock().unlock();
    }
  }

  @Override
  public String toString() {
    return "OnnxSentenceEmbedder[" + id + ", " + files.model() + "]";
  }

  /** Returns the loaded model, loading it on first use. Called with the read lock held. */
  private LoadedModel model() {
    if (closed) {
      throw new IllegalStateException(this + " is closed");
    }
    synchronized (this) {
      if (loaded == null) {
        loaded = LoadedModel.load(files, maxTokens, threads);
      }
      return loaded;
    }
  }

  private List<float[]> run(LoadedModel model, TokenBatch batch) {
    try (NDManager scope = model.model.getNDManager().newSubManager()) {
      Shape shape = new Shape(batch.rows(), batch.length());
      NDList inputs = new NDList();
      for (String name : model.inputNames) {
        NDArray array = switch (name) {
          case "input_ids" -> scope.create(batch.inputIds(), shape);
          case "attention_mask" -> scope.create(batch.attentionMask(), shape);
          default -> scope.create(new long[batch.inputIds().length], shape); // token_type_ids: one segment
        };
        array.setName(name);
        inputs.add(array);
      }
      NDList outputs = model.block.forward(new ParameterStore(scope, false), inputs, false);
      NDArray hidden = outputs.contains(OUTPUT_NAME) ? outputs.get(OUTPUT_NAME) : outputs.head();
      Shape hiddenShape = hidden.getShape();
      if (hiddenShape.dimension() != 3 || hiddenShape.get(2) != dimension) {
        throw new ModelFormatException("the sentence model " + files.model() + " gave " + hidden.getName()
            + " of shape " + hiddenShape + "; expected [" + batch.rows() + ", " + batch.length() + ", " + dimension
            + "] token vectors (last_hidden_state)");
      }
      float[] means = MeanPooling.apply(hidden.toFloatArray(), batch.attentionMask(), batch.rows(), batch.length(),
          dimension);
      return UnitRows.split(means, dimension);
    } catch (EngineException e) {
      throw new InferenceException("ONNX Runtime failed on a batch of " + batch.rows() + " texts of "
          + batch.length() + " tokens with " + files.model() + ": " + e.getMessage(), e);
    }
  }

  private static String sha256(Path file) {
    try {
      return MoreFiles.asByteSource(file).hash(Hashing.sha256()).toString();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + " to identify the model", e);
    }
  }

  /** The loaded session and tokenizer; closed together. */
  private static final class LoadedModel implements AutoCloseable {
    private final Model model;
    private final Block block;
    private final List<String> inputNames;
    private final SentenceTokenizer tokenizer;
    private final boolean dynamicallyQuantised;

    private LoadedModel(Model model, SentenceTokenizer tokenizer, boolean dynamicallyQuantised) {
      this.model = model;
      this.dynamicallyQuantised = dynamicallyQuantised;
      this.block = model.getBlock();
      this.inputNames = block.describeInput().keys();
      this.tokenizer = tokenizer;
    }

    static LoadedModel load(SentenceModelFiles files, int maxTokens, int threads) {
      if (System.getProperty(DISABLE_ALTERNATIVE) == null) {
        System.setProperty(DISABLE_ALTERNATIVE, "true");
      }
      long start = System.nanoTime();
      SentenceTokenizer tokenizer = SentenceTokenizer.open(files.tokenizer(), maxTokens);
      Model model = Model.newInstance(files.model().getFileName().toString(), Device.cpu(), "OnnxRuntime");
      try {
        model.load(files.model(), null, Map.of(
            "intraOpNumThreads", Integer.toString(threads),
            "interOpNumThreads", "1",
            "optLevel", "BASIC_OPT"));
        boolean quantised = OnnxGraphScan.mentions(files.model(), OnnxGraphScan.DYNAMIC_QUANTIZE);
        LoadedModel loaded = new LoadedModel(model, tokenizer, quantised);
        if (!loaded.inputNames.contains("input_ids") || !loaded.inputNames.contains("attention_mask")) {
          throw new ModelFormatException("the ONNX model " + files.model() + " has inputs " + loaded.inputNames
              + "; a sentence model needs input_ids and attention_mask");
        }
        LOG.debug("loaded {} (inputs {}, dynamically quantised: {}) in {} ms", files.model(), loaded.inputNames,
            quantised, (System.nanoTime() - start) / 1_000_000);
        return loaded;
      } catch (IOException | MalformedModelException | EngineException | ModelFormatException e) {
        model.close();
        tokenizer.close();
        if (e instanceof ModelFormatException mfe) {
          throw mfe;
        }
        throw new ModelFormatException("cannot load the ONNX model " + files.model() + ": " + e.getMessage(), e);
      }
    }

    @Override
    public void close() {
      model.close();
      tokenizer.close();
    }
  }

  /** Options for an {@link OnnxSentenceEmbedder}. */
  public static final class Builder {
    private final SentenceModelFiles files;
    private String id = DEFAULT_MODEL_ID;
    private String revision;
    private int dimension = 384;
    private int maxTokens = 256;
    private int maxBatch = 32;
    private int threads = Runtime.getRuntime().availableProcessors();

    private Builder(SentenceModelFiles files) {
      this.files = Objects.requireNonNull(files, "files");
    }

    /**
     * Sets the model id reported by {@link #info()}.
     *
     * @param id for example {@code sentence-transformers/all-MiniLM-L6-v2} (the default)
     * @return this builder
     */
    public Builder id(String id) {
      this.id = Objects.requireNonNull(id, "id");
      return this;
    }

    /**
     * Sets the revision reported by {@link #info()}, for example the commit the model store resolved. By default the
     * sha256 of the ONNX file.
     *
     * @param revision the revision
     * @return this builder
     */
    public Builder revision(String revision) {
      this.revision = Objects.requireNonNull(revision, "revision");
      return this;
    }

    /**
     * Sets the size of the model's token vectors, checked against the model's output on first use.
     *
     * @param dimension 384 for all-MiniLM-L6-v2 (the default)
     * @return this builder
     */
    public Builder dimension(int dimension) {
      this.dimension = positive(dimension, "dimension");
      return this;
    }

    /**
     * Sets the most tokens read from one text, special tokens included; the rest is cut off.
     *
     * @param maxTokens 256 by default, as sentence-transformers runs all-MiniLM-L6-v2
     * @return this builder
     */
    public Builder maxTokens(int maxTokens) {
      this.maxTokens = positive(maxTokens, "maxTokens");
      return this;
    }

    /**
     * Sets the most texts run through the model at once. A dynamically quantised model always runs one at a time.
     *
     * @param maxBatch 32 by default
     * @return this builder
     */
    public Builder maxBatch(int maxBatch) {
      this.maxBatch = positive(maxBatch, "maxBatch");
      return this;
    }

    /**
     * Sets ONNX Runtime's intra-op thread count for one inference.
     *
     * @param threads one per core by default
     * @return this builder
     */
    public Builder threads(int threads) {
      this.threads = positive(threads, "threads");
      return this;
    }

    /**
     * Creates the embedder. Nothing is loaded until the first text is embedded.
     *
     * @return the embedder
     */
    public OnnxSentenceEmbedder build() {
      return new OnnxSentenceEmbedder(this);
    }

    private static int positive(int value, String name) {
      if (value < 1) {
        throw new IllegalArgumentException(name + " must be at least 1, got " + value);
      }
      return value;
    }
  }
}
