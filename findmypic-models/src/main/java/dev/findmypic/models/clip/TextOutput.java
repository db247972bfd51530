package dev.findmypic.models.clip;

import ai.djl.ndarray.NDArray;

/**
 * What the text tower computes for a batch, all owned by the caller's scope manager.
 *
 * @param embeddings token plus position embeddings, {@code [batch, tokens, hidden]}
 * @param lastHiddenState after the final LayerNorm, {@code [batch, tokens, hidden]}
 * @param pooled the vector at each text's end-of-text token, {@code [batch, hidden]}
 * @param features the projected, unnormalised text features, {@code [batch, projectionDim]}
 */
public record TextOutput(NDArray embeddings, NDArray lastHiddenState, NDArray pooled, NDArray features) {}
