package dev.findmypic.models.clip;

import ai.djl.ndarray.NDArray;

/**
 * What the image tower computes for a batch, all owned by the input's manager.
 *
 * @param embeddings the first encoder layer's input (patch, class and position embeddings after pre-LayerNorm),
 *     {@code [batch, 1 + patches, hidden]}
 * @param lastHiddenState the last encoder layer's output, {@code [batch, 1 + patches, hidden]}
 * @param pooled the class token after post-LayerNorm, {@code [batch, hidden]}
 * @param features the projected, unnormalised image features, {@code [batch, projectionDim]}
 */
public record VisionOutput(NDArray embeddings, NDArray lastHiddenState, NDArray pooled, NDArray features) {}
