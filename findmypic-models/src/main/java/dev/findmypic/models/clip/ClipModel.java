package dev.findmypic.models.clip;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import dev.findmypic.models.nn.Precision;
import dev.findmypic.models.nn.TokenBatch;
import dev.findmypic.models.nn.Weights;

/**
 * The Hugging Face {@code CLIPModel} on DJL NDArray operations: both towers and the logit scale, with parameters
 * named as the Hub checkpoints name them. Works for every OpenAI layout that {@code config.json} describes (ViT-B/32,
 * B/16, L/14, L/14-336).
 *
 * <p>Thread-safe: the parameters are never changed, and each call works in the caller's scope. The parameters belong
 * to the {@link Weights}' manager; closing that frees them.
 */
public final class ClipModel {
  private final ClipConfig config;
  private final VisionTower vision;
  private final TextTower text;
  private final float logitScale;

  private ClipModel(ClipConfig config, VisionTower vision, TextTower text, float logitScale) {
    this.config = config;
    this.vision = vision;
    this.text = text;
    this.logitScale = logitScale;
  }

  /**
   * Builds the model from its parameters in fp32.
   *
   * @param config the architecture
   * @param weights the parameters, for example {@code vision_model.embeddings.class_embedding}
   * @return the model
   * @throws dev.findmypic.core.ModelFormatException if a parameter is missing
   */
  public static ClipModel load(ClipConfig config, Weights weights) {
    return load(config, weights, Precision.FP32);
  }

  /**
   * Builds the model from its parameters in a given precision. With fp16 (or {@link Precision#AUTO} on a GPU), the
   * linear and patch-convolution weights are stored and multiplied in fp16; embeddings, layer norms, softmax and the
   * residual stream stay fp32, and outputs are float32.
   *
   * @param config the architecture
   * @param weights the parameters, for example {@code vision_model.embeddings.class_embedding}
   * @param precision the precision, resolved against the device of the weights' manager
   * @return the model
   * @throws dev.findmypic.core.ModelFormatException if a parameter is missing
   */
  public static ClipModel load(ClipConfig config, Weights weights, Precision precision) {
    DataType weightType = weightType(weights, precision);
    return new ClipModel(config, VisionTower.load(config.vision(), weights, weightType),
        TextTower.load(config.text(), weights, weightType), logitScale(weights));
  }

  /** @return {@code exp(logit_scale)} read from the checkpoint */
  static float logitScale(Weights weights) {
    try (NDArray scale = weights.get("logit_scale")) {
      return (float) Math.exp(scale.toFloatArray()[0]);
    }
  }

  /** @return the type the linear weights are stored in: {@code precision} resolved against the weights' device */
  static DataType weightType(Weights weights, Precision precision) {
    return precision.weightType(weights.manager().getDevice());
  }

  /** Converts a result to float32 if a half-precision product made it; consumes it. */
  static NDArray float32(NDArray x) {
    if (x.getDataType() == DataType.FLOAT32) {
      return x;
    }
    try (x) {
      return x.toType(DataType.FLOAT32, false);
    }
  }

  /**
   * Runs the image tower.
   *
   * @param pixels {@code [batch, 3, imageSize, imageSize]} as {@link ClipImageProcessor} makes them
   * @return the outputs, owned by {@code pixels}' manager
   */
  public VisionOutput encodeImages(NDArray pixels) {
    return vision.apply(pixels);
  }

  /**
   * Runs the text tower.
   *
   * @param scope owns every array made, including the outputs
   * @param batch token ids as {@link ClipTokenizer} makes them
   * @return the outputs
   */
  public TextOutput encodeTexts(NDManager scope, TokenBatch batch) {
    return text.apply(scope, batch);
  }

  /** @return {@code exp(logit_scale)}: the factor by which zero-shot classification multiplies cosine similarities */
  public float logitScale() {
    return logitScale;
  }

  /** @return the architecture */
  public ClipConfig config() {
    return config;
  }
}
