package dev.findmypic.models.clip;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import dev.findmypic.models.nn.Encoder;
import dev.findmypic.models.nn.LayerNorm;
import dev.findmypic.models.nn.Linear;
import dev.findmypic.models.nn.Weights;

/**
 * CLIP's image tower (transformers' {@code CLIPVisionTransformer} plus {@code visual_projection}): patch embedding,
 * class token, position embeddings, pre-LayerNorm, encoder, post-LayerNorm of the class token, projection.
 */
final class VisionTower {
  private final ClipConfig.Vision config;
  private final NDArray patchWeight;
  /** Position embeddings with the class embedding added to row 0, so that one sum places both. */
  private final NDArray positionsWithClass;
  private final LayerNorm preNorm;
  private final Encoder encoder;
  private final LayerNorm postNorm;
  private final Linear projection;

  private VisionTower(ClipConfig.Vision config, NDArray patchWeight, NDArray positionsWithClass, LayerNorm preNorm,
      Encoder encoder, LayerNorm postNorm, Linear projection) {
    this.config = config;
    this.patchWeight = patchWeight;
    this.positionsWithClass = positionsWithClass;
    this.preNorm = preNorm;
    this.encoder = encoder;
    this.postNorm = postNorm;
    this.projection = projection;
  }

  static VisionTower load(ClipConfig.Vision config, Weights weights, DataType weightType) {
    double eps = config.encoder().layerNormEps();
    NDArray positions = weights.get("vision_model.embeddings.position_embedding.weight");
    NDArray classToken = weights.get("vision_model.embeddings.class_embedding");
    NDArray positionsWithClass;
    try (positions;
        classToken;
        NDArray classRow = classToken.reshape(1, -1).pad(new Shape(0, 0, 0, positions.getShape().get(0) - 1), 0)) {
      positionsWithClass = positions.add(classRow);
    }
    NDArray patchWeight = weights.get("vision_model.embeddings.patch_embedding.weight");
    if (patchWeight.getDataType() != weightType) {
      // only a real conversion: a same-type toType is a view whose Java side does not keep the checkpoint's
      // direct buffer alive, so closing the original would let the collector free memory libtorch still reads
      try (NDArray stored = patchWeight) {
        patchWeight = stored.toType(weightType, false);
      }
    }
    return new VisionTower(
        config,
        patchWeight,
        positionsWithClass,
        LayerNorm.load(weights, "vision_model.pre_layrnorm", eps),
        ClipLayers.encoder(weights, "vision_model.encoder", config.encoder(), weightType),
        LayerNorm.load(weights, "vision_model.post_layernorm", eps),
        Linear.load(weights, "visual_projection").toType(weightType));
  }

  /**
   * Runs the tower.
   *
   * @param pixels {@code [batch, channels, imageSize, imageSize]}, preprocessed, float32
   * @return the outputs, owned by {@code pixels}' manager; the patch products run in the weights' type, everything
   *     returned is float32
   */
  VisionOutput apply(NDArray pixels) {
    NDArray embeddings;
    try (NDArray grid = patchProducts(pixels);
        NDArray flat = grid.flatten(2, 3);
        NDArray tokens = flat.transpose(0, 2, 1);
        NDArray withClassSlot = tokens.pad(new Shape(0, 0, 1, 0), 0);
        NDArray placed = withClassSlot.add(positionsWithClass)) {
      embeddings = preNorm.apply(placed);
    }
    NDArray lastHidden = encoder.apply(embeddings, null);
    NDArray pooled;
    try (NDArray classTokens = lastHidden.get(new NDIndex(":, 0, :"))) {
      pooled = postNorm.apply(classTokens);
    }
    return new VisionOutput(embeddings, lastHidden, pooled, ClipModel.float32(projection.apply(pooled)));
  }

  /** The patch embedding's convolution, run in the weight's type; {@code pixels} are left as they are. */
  private NDArray patchProducts(NDArray pixels) {
    int patch = config.patchSize();
    if (pixels.getDataType() == patchWeight.getDataType()) {
      return convolve(pixels, patch);
    }
    try (NDArray converted = pixels.toType(patchWeight.getDataType(), false)) {
      return convolve(converted, patch);
    }
  }

  private NDArray convolve(NDArray pixels, int patch) {
    return pixels.getNDArrayInternal()
        .convolution(pixels, patchWeight, null, new Shape(patch, patch), new Shape(0, 0), new Shape(1, 1), 1)
        .singletonOrThrow();
  }

  ClipConfig.Vision config() {
    return config;
  }
}
