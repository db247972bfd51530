package dev.findmypic.models.clip;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import dev.findmypic.core.InferenceException;
import dev.findmypic.models.nn.AttentionMasks;
import dev.findmypic.models.nn.EmbeddingTable;
import dev.findmypic.models.nn.Encoder;
import dev.findmypic.models.nn.LayerNorm;
import dev.findmypic.models.nn.Linear;
import dev.findmypic.models.nn.TokenBatch;
import dev.findmypic.models.nn.Weights;

/**
 * CLIP's text tower (transformers' {@code CLIPTextTransformer} plus {@code text_projection}): token and position
 * embeddings, a causally masked encoder, final LayerNorm, pooling at the end-of-text token, projection.
 */
final class TextTower {
  /** The {@code eos_token_id} of OpenAI's configs, which transformers reads as "pool at the highest token id". */
  static final int LEGACY_EOS_TOKEN_ID = 2;

  private final ClipConfig.Text config;
  private final EmbeddingTable tokens;
  private final EmbeddingTable positions;
  private final Encoder encoder;
  private final LayerNorm finalNorm;
  private final Linear projection;

  private TextTower(ClipConfig.Text config, EmbeddingTable tokens, EmbeddingTable positions, Encoder encoder,
      LayerNorm finalNorm, Linear projection) {
    this.config = config;
    this.tokens = tokens;
    this.positions = positions;
    this.encoder = encoder;
    this.finalNorm = finalNorm;
    this.projection = projection;
  }

  static TextTower load(ClipConfig.Text config, Weights weights, DataType weightType) {
    return new TextTower(
        config,
        EmbeddingTable.load(weights, "text_model.embeddings.token_embedding"),
        EmbeddingTable.load(weights, "text_model.embeddings.position_embedding"),
        ClipLayers.encoder(weights, "text_model.encoder", config.encoder(), weightType),
        LayerNorm.load(weights, "text_model.final_layer_norm", config.encoder().layerNormEps()),
        Linear.load(weights, "text_projection").toType(weightType));
  }

  /**
   * Runs the tower.
   *
   * @param scope owns every array made, including the outputs
   * @param batch token ids and padding mask, at most {@code maxPositions} long
   * @return the outputs
   */
  TextOutput apply(NDManager scope, TokenBatch batch) {
    if (batch.length() > config.maxPositions()) {
      throw new InferenceException(
          "CLIP text of " + batch.length() + " tokens exceeds the model's context of " + config.maxPositions());
    }
    NDArray embeddings;
    try (NDArray ids = scope.create(batch.ids(), new Shape(batch.size(), batch.length()));
        NDArray positionIds = scope.arange(0, batch.length(), 1, DataType.INT64);
        NDArray positionRows = positions.lookup(positionIds)) {
      embeddings = tokens.lookup(ids).addi(positionRows);
    }
    NDArray lastHidden;
    // without padding (a single query always) one [1, 1, T, T] causal mask serves the whole batch
    long[] keep = batch.hasPadding() ? batch.mask() : null;
    try (NDArray mask = AttentionMasks.causal(scope, keep, batch.size(), batch.length());
        NDArray encoded = encoder.apply(embeddings, mask)) {
      lastHidden = finalNorm.apply(encoded);
    }
    NDArray pooled;
    try (NDArray rows = scope.create(endOfTextRows(batch));
        NDArray flat = lastHidden.reshape(-1, lastHidden.getShape().get(2))) {
      pooled = new EmbeddingTable(flat).lookup(rows);
    }
    return new TextOutput(embeddings, lastHidden, pooled, ClipModel.float32(projection.apply(pooled)));
  }

  /**
   * Finds each text's end-of-text position as transformers does, as a row of the flattened {@code [batch * tokens]}
   * hidden states.
   */
  private long[] endOfTextRows(TokenBatch batch) {
    long[] rows = new long[batch.size()];
    for (int b = 0; b < batch.size(); b++) {
      int at = 0;
      if (config.eosTokenId() == LEGACY_EOS_TOKEN_ID) {
        for (int t = 1; t < batch.length(); t++) {
          if (batch.id(b, t) > batch.id(b, at)) {
            at = t;
          }
        }
      } else {
        for (int t = batch.length() - 1; t >= 0; t--) {
          if (batch.id(b, t) == config.eosTokenId()) {
            at = t;
          }
        }
      }
      rows[b] = (long) b * batch.length() + at;
    }
    return rows;
  }

  ClipConfig.Text config() {
    return config;
  }
}
