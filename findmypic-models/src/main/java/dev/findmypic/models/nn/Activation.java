package dev.findmypic.models.nn;

import ai.djl.ndarray.NDArray;
import dev.findmypic.core.ModelFormatException;
import java.util.Locale;

/** The element-wise activations that transformer configs name in {@code hidden_act}. */
public enum Activation {
  /** OpenAI CLIP's {@code quick_gelu}: {@code x * sigmoid(1.702 x)}. */
  QUICK_GELU("quick_gelu") {
    @Override
    NDArray applyInPlace(NDArray x) {
      try (NDArray scaled = x.mul(1.702f);
          NDArray gate = scaled.getNDArrayInternal().sigmoid()) {
        return x.muli(gate);
      }
    }
  },
  /** The exact GELU, {@code x * Phi(x)} with the normal CDF computed through erf (BERT's {@code gelu}). */
  GELU("gelu") {
    @Override
    NDArray applyInPlace(NDArray x) {
      NDArray y = ai.djl.nn.Activation.gelu(x);
      x.close();
      return y;
    }
  };

  private final String configName;

  Activation(String configName) {
    this.configName = configName;
  }

  /**
   * Applies the activation to an array that the caller owns and no longer needs: it may be overwritten or closed.
   *
   * @param x the input, consumed
   * @return the activated array, owned by {@code x}'s manager
   */
  abstract NDArray applyInPlace(NDArray x);

  /**
   * Finds the activation a config names.
   *
   * @param hiddenAct the config's {@code hidden_act}, for example {@code quick_gelu}
   * @return the activation
   * @throws ModelFormatException if it is not one this library implements
   */
  public static Activation ofConfigName(String hiddenAct) {
    String key = hiddenAct.toLowerCase(Locale.ROOT);
    for (Activation a : values()) {
      if (a.configName.equals(key)) {
        return a;
      }
    }
    throw new ModelFormatException("unsupported hidden_act '" + hiddenAct + "' in the model config; supported: "
        + "quick_gelu, gelu");
  }
}
