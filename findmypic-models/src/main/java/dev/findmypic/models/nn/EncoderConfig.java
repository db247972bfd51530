package dev.findmypic.models.nn;

/**
 * The sizes of a transformer encoder, as a model's {@code config.json} gives them.
 *
 * @param hiddenSize the width of every token's vector
 * @param intermediateSize the width inside the feed-forward block
 * @param layers the number of layers
 * @param heads the number of attention heads, dividing {@code hiddenSize}
 * @param activation the feed-forward activation
 * @param layerNormEps the layer norms' epsilon
 */
public record EncoderConfig(
    int hiddenSize, int intermediateSize, int layers, int heads, Activation activation, double layerNormEps) {
  /** Checks the sizes. */
  public EncoderConfig {
    if (hiddenSize < 1 || intermediateSize < 1 || layers < 1 || heads < 1 || hiddenSize % heads != 0) {
      throw new dev.findmypic.core.ModelFormatException("inconsistent encoder config: hidden_size " + hiddenSize
          + ", intermediate_size " + intermediateSize + ", layers " + layers + ", heads " + heads
          + " (all must be positive and heads must divide hidden_size)");
    }
  }

  /**
   * Reads the usual Hugging Face keys ({@code hidden_size}, {@code intermediate_size}, {@code num_hidden_layers},
   * {@code num_attention_heads}, {@code hidden_act}, {@code layer_norm_eps}).
   *
   * @param json the config object
   * @param defaults the values used where a key is absent
   * @return the config
   */
  public static EncoderConfig read(ConfigJson json, EncoderConfig defaults) {
    return new EncoderConfig(
        json.getInt("hidden_size", defaults.hiddenSize),
        json.getInt("intermediate_size", defaults.intermediateSize),
        json.getInt("num_hidden_layers", defaults.layers),
        json.getInt("num_attention_heads", defaults.heads),
        json.has("hidden_act") ? Activation.ofConfigName(json.getString("hidden_act", "")) : defaults.activation,
        json.getDouble("layer_norm_eps", defaults.layerNormEps));
  }
}
