/**
 * The building blocks that the transformer models share, written once on DJL NDArray operations (PyTorch engine):
 * {@link dev.findmypic.models.nn.Linear}, {@link dev.findmypic.models.nn.LayerNorm},
 * {@link dev.findmypic.models.nn.MultiHeadAttention} (fused query/key/value), {@link dev.findmypic.models.nn.Mlp},
 * {@link dev.findmypic.models.nn.EncoderLayer} (pre- or post-norm), plus the plumbing around them: parameters from a
 * checkpoint ({@link dev.findmypic.models.nn.Weights}), tokenisation ({@link dev.findmypic.models.nn.TextTokenizer}),
 * lazy loading ({@link dev.findmypic.models.nn.LazyModel}) and config reading.
 *
 * <p>Memory: parameters belong to the model's long-lived {@code NDManager}; every forward pass works in a
 * sub-manager that the caller closes, and each block closes its intermediate arrays as soon as they are consumed.
 * Every operation puts the per-call array first, so its result lands in the caller's scope, never the model's.
 */
package dev.findmypic.models.nn;
