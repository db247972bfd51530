package dev.findmypic.models.clip;

import ai.djl.ndarray.types.DataType;
import dev.findmypic.models.nn.Encoder;
import dev.findmypic.models.nn.EncoderConfig;
import dev.findmypic.models.nn.EncoderLayer;
import dev.findmypic.models.nn.LayerNorm;
import dev.findmypic.models.nn.Linear;
import dev.findmypic.models.nn.Mlp;
import dev.findmypic.models.nn.MultiHeadAttention;
import dev.findmypic.models.nn.Weights;
import java.util.ArrayList;
import java.util.List;

/** Builds a CLIP tower's encoder from the checkpoint names of transformers' {@code CLIPEncoderLayer}. */
final class ClipLayers {
  private ClipLayers() {}

  /**
   * Loads {@code prefix.layers.N.*} for every layer the config has.
   *
   * @param weights the parameters
   * @param prefix for example {@code vision_model.encoder}
   * @param config the sizes
   * @param weightType the type of the linear layers' parameters (the layer norms stay fp32)
   * @return the encoder
   */
  static Encoder encoder(Weights weights, String prefix, EncoderConfig config, DataType weightType) {
    List<EncoderLayer> layers = new ArrayList<>();
    for (int i = 0; i < config.layers(); i++) {
      String p = prefix + ".layers." + i;
      MultiHeadAttention attention = MultiHeadAttention.fuse(
          Linear.load(weights, p + ".self_attn.q_proj"),
          Linear.load(weights, p + ".self_attn.k_proj"),
          Linear.load(weights, p + ".self_attn.v_proj"),
          Linear.load(weights, p + ".self_attn.out_proj"),
          config.heads()).toType(weightType);
      Mlp mlp = new Mlp(Linear.load(weights, p + ".mlp.fc1").toType(weightType), config.activation(),
          Linear.load(weights, p + ".mlp.fc2").toType(weightType));
      layers.add(new EncoderLayer(
          EncoderLayer.NormPlacement.PRE,
          LayerNorm.load(weights, p + ".layer_norm1", config.layerNormEps()),
          attention,
          LayerNorm.load(weights, p + ".layer_norm2", config.layerNormEps()),
          mlp));
    }
    return new Encoder(layers);
  }
}
