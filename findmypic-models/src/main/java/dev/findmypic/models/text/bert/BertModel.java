package dev.findmypic.models.text.bert;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import dev.findmypic.core.InferenceException;
import dev.findmypic.models.nn.AttentionMasks;
import dev.findmypic.models.nn.EmbeddingTable;
import dev.findmypic.models.nn.Encoder;
import dev.findmypic.models.nn.EncoderLayer;
import dev.findmypic.models.nn.LayerNorm;
import dev.findmypic.models.nn.Linear;
import dev.findmypic.models.nn.Mlp;
import dev.findmypic.models.nn.MultiHeadAttention;
import dev.findmypic.models.nn.TokenBatch;
import dev.findmypic.models.nn.Weights;
import java.util.ArrayList;
import java.util.List;

/**
 * The Hugging Face {@code BertModel} on DJL NDArray operations, with parameters named as its checkpoints name them
 * ({@code embeddings.word_embeddings.weight}, {@code encoder.layer.0.attention.self.query.weight}, ...). Every input
 * is one segment (token type 0).
 *
 * <p>Thread-safe: the parameters are never changed, and each call works in the caller's scope.
 */
public final class BertModel {
  private final BertConfig config;
  private final EmbeddingTable words;
  private final EmbeddingTable positions;
  private final EmbeddingTable types;
  private final LayerNorm embeddingNorm;
  private final Encoder encoder;
  private final Linear pooler;

  private BertModel(BertConfig config, EmbeddingTable words, EmbeddingTable positions, EmbeddingTable types,
      LayerNorm embeddingNorm, Encoder encoder, Linear pooler) {
    this.config = config;
    this.words = words;
    this.positions = positions;
    this.types = types;
    this.embeddingNorm = embeddingNorm;
    this.encoder = encoder;
    this.pooler = pooler;
  }

  /**
   * Builds the model from its parameters, named as {@code BertModel} saves them (without the {@code bert.} prefix
   * of task models such as {@code BertForMaskedLM}; {@link dev.findmypic.models.nn.CheckpointWeights} can drop it).
   *
   * @param config the architecture
   * @param weights the parameters
   * @return the model
   * @throws dev.findmypic.core.ModelFormatException if a parameter is missing
   */
  public static BertModel load(BertConfig config, Weights weights) {
    double eps = config.encoder().layerNormEps();
    List<EncoderLayer> layers = new ArrayList<>();
    for (int i = 0; i < config.encoder().layers(); i++) {
      String p = "encoder.layer." + i;
      MultiHeadAttention attention = MultiHeadAttention.fuse(
          Linear.load(weights, p + ".attention.self.query"),
          Linear.load(weights, p + ".attention.self.key"),
          Linear.load(weights, p + ".attention.self.value"),
          Linear.load(weights, p + ".attention.output.dense"),
          config.encoder().heads());
      layers.add(new EncoderLayer(
          EncoderLayer.NormPlacement.POST,
          LayerNorm.load(weights, p + ".attention.output.LayerNorm", eps),
          attention,
          LayerNorm.load(weights, p + ".output.LayerNorm", eps),
          new Mlp(Linear.load(weights, p + ".intermediate.dense"), config.encoder().activation(),
              Linear.load(weights, p + ".output.dense"))));
    }
    return new BertModel(
        config,
        EmbeddingTable.load(weights, "embeddings.word_embeddings"),
        EmbeddingTable.load(weights, "embeddings.position_embeddings"),
        EmbeddingTable.load(weights, "embeddings.token_type_embeddings"),
        LayerNorm.load(weights, "embeddings.LayerNorm", eps),
        new Encoder(layers),
        weights.contains("pooler.dense.weight") ? Linear.load(weights, "pooler.dense") : null);
  }

  /**
   * Runs the model.
   *
   * @param scope owns every array made, including the outputs
   * @param batch token ids and padding mask, at most {@code maxPositions} long
   * @return the outputs
   */
  public BertOutput encode(NDManager scope, TokenBatch batch) {
    if (batch.length() > config.maxPositions()) {
      throw new InferenceException(
          "BERT input of " + batch.length() + " tokens exceeds the model's " + config.maxPositions() + " positions");
    }
    NDArray embeddings;
    try (NDArray ids = scope.create(batch.ids(), new Shape(batch.size(), batch.length()));
        NDArray positionIds = scope.arange(0, batch.length(), 1, DataType.INT64);
        NDArray typeIds = scope.zeros(new Shape(1), DataType.INT64);
        NDArray positionRows = positions.lookup(positionIds);
        NDArray typeRow = types.lookup(typeIds);
        NDArray sum = words.lookup(ids).addi(positionRows).addi(typeRow)) {
      embeddings = embeddingNorm.apply(sum);
    }
    NDArray lastHidden;
    try (embeddings;
        NDArray mask = AttentionMasks.padding(scope, batch.mask(), batch.size(), batch.length())) {
      lastHidden = encoder.apply(embeddings, mask);
    }
    if (pooler == null) {
      return new BertOutput(lastHidden, null);
    }
    try (NDArray first = lastHidden.get(new NDIndex(":, 0, :"));
        NDArray dense = pooler.apply(first)) {
      return new BertOutput(lastHidden, dense.tanh());
    }
  }

  /** @return the architecture */
  public BertConfig config() {
    return config;
  }
}
