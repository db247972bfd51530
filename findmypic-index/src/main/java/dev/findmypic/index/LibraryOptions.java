package dev.findmypic.index;

import dev.findmypic.core.Embedder;
import dev.findmypic.core.FaceRecognizer;
import dev.findmypic.core.ModelProvider;
import dev.findmypic.core.ModelRole;
import dev.findmypic.core.ModelSettings;
import dev.findmypic.core.OcrEngine;
import dev.findmypic.core.PhotoDecoder;
import dev.findmypic.index.pipeline.PipelineOptions;
import dev.findmypic.index.vectors.VectorIndex;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;

/**
 * How a {@link PhotoLibrary} is opened: its analysers, given explicitly (the caller keeps and closes them) or opened
 * from a {@link ModelProvider} (the library closes them), and how indexing uses the machine.
 *
 * <p>Any analyser may be missing; what needs it is off and {@link IndexSummary#disabled()} says so. A decoder is
 * required: given explicitly, or the provider's.
 */
public final class LibraryOptions {
  final PhotoDecoder decoder;
  final Embedder clip;
  final Embedder text;
  final FaceRecognizer faces;
  final OcrEngine ocr;
  final ModelProvider provider;
  final ModelSettings settings;
  final Set<ModelRole> providedRoles;
  final PipelineOptions pipeline;
  final int exactSearchUpTo;

  private LibraryOptions(Builder b) {
    decoder = b.decoder;
    clip = b.clip;
    text = b.text;
    faces = b.faces;
    ocr = b.ocr;
    provider = b.provider;
    settings = b.settings;
    providedRoles = Set.copyOf(b.providedRoles);
    pipeline = new PipelineOptions(b.threads, b.batchSize, b.fileTimeout, b.pixelBytesInFlight);
    exactSearchUpTo = b.exactSearchUpTo;
  }

  /** @return a builder with no analysers, one thread per core, batches of 16 and a minute per file */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds {@link LibraryOptions}. */
  public static final class Builder {
    private PhotoDecoder decoder;
    private Embedder clip;
    private Embedder text;
    private FaceRecognizer faces;
    private OcrEngine ocr;
    private ModelProvider provider;
    private ModelSettings settings;
    private final Set<ModelRole> providedRoles = EnumSet.noneOf(ModelRole.class);
    private int threads = Runtime.getRuntime().availableProcessors();
    private int batchSize = 16;
    private Duration fileTimeout = Duration.ofSeconds(60);
    private long pixelBytesInFlight = PipelineOptions.DEFAULT_PIXEL_BYTES_IN_FLIGHT;
    private int exactSearchUpTo = VectorIndex.EXACT_UP_TO;

    private Builder() {}

    /**
     * Sets the decoder.
     *
     * @param decoder the decoder
     * @return this builder
     */
    public Builder decoder(PhotoDecoder decoder) {
      this.decoder = decoder;
      return this;
    }

    /**
     * Sets the CLIP embedder (kept open by the caller).
     *
     * @param clip an embedder of text and images
     * @return this builder
     */
    public Builder clip(Embedder clip) {
      this.clip = clip;
      return this;
    }

    /**
     * Sets the text embedder for OCR text and file names (kept open by the caller).
     *
     * @param text a text embedder
     * @return this builder
     */
    public Builder textEmbedder(Embedder text) {
      this.text = text;
      return this;
    }

    /**
     * Sets the face recogniser (kept open by the caller).
     *
     * @param faces the recogniser
     * @return this builder
     */
    public Builder faces(FaceRecognizer faces) {
      this.faces = faces;
      return this;
    }

    /**
     * Sets the OCR engine (kept open by the caller).
     *
     * @param ocr the engine
     * @return this builder
     */
    public Builder ocr(OcrEngine ocr) {
      this.ocr = ocr;
      return this;
    }

    /**
     * Opens analysers from a provider when the library opens; the library closes them. A role whose model cannot be
     * had is logged and left off. An analyser set explicitly wins over the provider's.
     *
     * @param provider the provider, e.g. {@link ModelProvider#load()}
     * @param settings its settings
     * @param roles the roles to open
     * @return this builder
     */
    public Builder models(ModelProvider provider, ModelSettings settings, Set<ModelRole> roles) {
      this.provider = provider;
      this.settings = settings;
      this.providedRoles.addAll(roles);
      return this;
    }

    /**
     * Sets how many threads indexing uses (decode threads plus the inference thread).
     *
     * @param threads at least 1
     * @return this builder
     */
    public Builder threads(int threads) {
      this.threads = threads;
      return this;
    }

    /**
     * Sets the photos per inference batch and per catalogue transaction.
     *
     * @param batchSize at least 1
     * @return this builder
     */
    public Builder batchSize(int batchSize) {
      this.batchSize = batchSize;
      return this;
    }

    /**
     * Sets how long one file may take to decode or analyse.
     *
     * @param fileTimeout more than zero
     * @return this builder
     */
    public Builder fileTimeout(Duration fileTimeout) {
      this.fileTimeout = fileTimeout;
      return this;
    }

    /**
     * Sets how many bytes of decoded pixels may wait for or be in inference at once: the main lever on indexing's
     * memory. A batch goes to inference once it holds half of this, even if it has fewer photos than the batch size.
     *
     * @param bytes at least 1; {@link PipelineOptions#DEFAULT_PIXEL_BYTES_IN_FLIGHT} by default
     * @return this builder
     */
    public Builder pixelBytesInFlight(long bytes) {
      this.pixelBytesInFlight = bytes;
      return this;
    }

    /**
     * Sets the largest vector set searched by exact scan; larger ones get an HNSW index.
     *
     * @param size a number of vectors
     * @return this builder
     */
    public Builder exactSearchUpTo(int size) {
      this.exactSearchUpTo = size;
      return this;
    }

    /** @return the options */
    public LibraryOptions build() {
      return new LibraryOptions(this);
    }
  }
}
