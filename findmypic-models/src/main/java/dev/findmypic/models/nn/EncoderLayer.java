package dev.findmypic.models.nn;

import ai.djl.ndarray.NDArray;

/**
 * One transformer encoder layer: self-attention and a feed-forward block, each with a residual connection and a
 * layer norm, placed before the block (CLIP, GPT) or after the residual sum (BERT). Thread-safe.
 */
public final class EncoderLayer {
  /** Where the layer norms sit. */
  public enum NormPlacement {
    /** {@code x + f(norm(x))}: CLIP. */
    PRE,
    /** {@code norm(x + f(x))}: BERT. */
    POST
  }

  private final NormPlacement placement;
  private final LayerNorm attentionNorm;
  private final MultiHeadAttention attention;
  private final LayerNorm mlpNorm;
  private final Mlp mlp;

  /**
   * Wraps the parts.
   *
   * @param placement where the norms sit
   * @param attentionNorm the norm around the attention block
   * @param attention the attention block
   * @param mlpNorm the norm around the feed-forward block
   * @param mlp the feed-forward block
   */
  public EncoderLayer(
      NormPlacement placement, LayerNorm attentionNorm, MultiHeadAttention attention, LayerNorm mlpNorm, Mlp mlp) {
    this.placement = placement;
    this.attentionNorm = attentionNorm;
    this.attention = attention;
    this.mlpNorm = mlpNorm;
    this.mlp = mlp;
  }

  /**
   * Applies the layer. The input is left as it is.
   *
   * @param x {@code [batch, tokens, hidden]}
   * @param additiveMask null or a mask as {@link MultiHeadAttention#apply} takes
   * @return {@code [batch, tokens, hidden]}, owned by {@code x}'s manager
   */
  public NDArray apply(NDArray x, NDArray additiveMask) {
    return placement == NormPlacement.PRE ? applyPreNorm(x, additiveMask) : applyPostNorm(x, additiveMask);
  }

  private NDArray applyPreNorm(NDArray x, NDArray additiveMask) {
    NDArray afterAttention;
    try (NDArray normed = attentionNorm.apply(x)) {
      afterAttention = addResidual(attention.apply(normed, additiveMask), x);
    }
    try (afterAttention;
        NDArray normed = mlpNorm.apply(afterAttention)) {
      return addResidual(mlp.apply(normed), afterAttention);
    }
  }

  private NDArray applyPostNorm(NDArray x, NDArray additiveMask) {
    NDArray afterAttention;
    try (NDArray sum = addResidual(attention.apply(x, additiveMask), x)) {
      afterAttention = attentionNorm.apply(sum);
    }
    try (afterAttention;
        NDArray sum = addResidual(mlp.apply(afterAttention), afterAttention)) {
      return mlpNorm.apply(sum);
    }
  }

  /**
   * {@code branch + residual} in the residual's type: in place when the types agree, else (an fp16 branch) into a
   * new array, so that the residual stream stays fp32 as under autocast. The branch is consumed.
   */
  private static NDArray addResidual(NDArray branch, NDArray residual) {
    if (branch.getDataType() == residual.getDataType()) {
      return branch.addi(residual);
    }
    try (branch) {
      return residual.add(branch);
    }
  }
}
