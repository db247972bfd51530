package dev.findmypic.models.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;

/**
 * Scaled dot-product self-attention over several heads. The query, key and value projections are fused into one
 * matrix product, and the query's {@code 1/sqrt(headSize)} scale is folded into its weights when the layer is built.
 * With fp16 weights, the products run in fp16 and the mask and softmax in fp32, as autocast does. Thread-safe.
 */
public final class MultiHeadAttention {
  private final Linear queryKeyValue;
  private final Linear output;
  private final int heads;

  private MultiHeadAttention(Linear queryKeyValue, Linear output, int heads) {
    this.queryKeyValue = queryKeyValue;
    this.output = output;
    this.heads = heads;
  }

  /**
   * Builds the layer from separate projections; they are consumed (fused and closed).
   *
   * @param query {@code hidden -> hidden}
   * @param key {@code hidden -> hidden}
   * @param value {@code hidden -> hidden}
   * @param output {@code hidden -> hidden}
   * @param heads the number of heads, dividing {@code hidden}
   * @return the layer
   */
  public static MultiHeadAttention fuse(Linear query, Linear key, Linear value, Linear output, int heads) {
    long hidden = query.outputs();
    if (hidden % heads != 0) {
      throw new IllegalArgumentException("hidden size " + hidden + " is not a multiple of " + heads + " heads");
    }
    float scale = (float) (1 / Math.sqrt((double) hidden / heads));
    return new MultiHeadAttention(Linear.concat(query.scaled(scale), key, value), output, heads);
  }

  /**
   * Converts the projections' parameters to another type, for example fp16 for a GPU. This layer's projections are
   * closed unless they already have that type.
   *
   * @param type the new type
   * @return the converted layer
   */
  public MultiHeadAttention toType(DataType type) {
    return new MultiHeadAttention(queryKeyValue.toType(type), output.toType(type), heads);
  }

  /**
   * Attends every position to every position that the mask leaves open.
   *
   * @param x {@code [batch, tokens, hidden]}
   * @param additiveMask null for none, or an array broadcastable to {@code [batch, heads, tokens, tokens]} (query
   *     by key) holding 0 where attention is allowed and a very negative number where it is not; see
   *     {@link AttentionMasks}
   * @return {@code [batch, tokens, hidden]}, owned by {@code x}'s manager
   */
  public NDArray apply(NDArray x, NDArray additiveMask) {
    Shape shape = x.getShape();
    long batch = shape.get(0);
    long tokens = shape.get(1);
    long hidden = shape.get(2);
    NDArray merged;
    try (NDArray qkv = queryKeyValue.apply(x);
        NDArray heads5 = qkv.reshape(batch, tokens, 3, heads, hidden / heads).transpose(2, 0, 3, 1, 4);
        NDList parts = heads5.split(3, 0);
        NDArray keyT = parts.get(1).transpose(0, 1, 2, 4, 3);
        NDArray products = parts.get(0).matMul(keyT);
        NDArray scores = products.toType(DataType.FLOAT32, false)) {
      if (additiveMask != null) {
        scores.addi(additiveMask);
      }
      try (NDArray probs = scores.softmax(-1);
          NDArray probsForValues = probs.toType(products.getDataType(), false);
          NDArray context = probsForValues.matMul(parts.get(2));
          NDArray contextT = context.transpose(0, 1, 3, 2, 4)) {
        merged = contextT.reshape(batch, tokens, hidden);
      }
    }
    try (merged) {
      return output.apply(merged);
    }
  }
}
