package dev.findmypic.models.text.bert;

import ai.djl.ndarray.NDArray;

/**
 * What BERT computes for a batch, owned by the caller's scope manager.
 *
 * @param lastHiddenState the last layer's output, {@code [batch, tokens, hidden]}
 * @param pooled the first token's vector through the pooler's dense layer and tanh, {@code [batch, hidden]}, or
 *     null for a checkpoint without a pooler
 */
public record BertOutput(NDArray lastHiddenState, NDArray pooled) {}
