package dev.findmypic.models.nn;

import ai.djl.Device;
import ai.djl.ndarray.types.DataType;
import java.util.Locale;

/**
 * The floating-point type a model's matrix products run in. {@link #FP16} stores the weights of linear and
 * convolution layers in half precision and runs those products in it, while layer norms, softmax, the residual
 * stream and the final normalisation stay in fp32, the split that PyTorch's autocast makes; outputs are float32.
 */
public enum Precision {
  /** fp16 on a GPU, fp32 on a CPU (where half-precision products are slow or unsupported). */
  AUTO,
  /** Everything in fp32: exact to the reference implementation within 1e-4. */
  FP32,
  /** Linear and convolution weights and products in fp16, the rest in fp32. */
  FP16;

  /**
   * Parses a setting as configs write it.
   *
   * @param value {@code auto}, {@code fp32} or {@code fp16}, in any case
   * @return the precision
   * @throws IllegalArgumentException naming the accepted values if it is none of them
   */
  public static Precision parse(String value) {
    for (Precision p : values()) {
      if (p.name().equalsIgnoreCase(value.trim())) {
        return p;
      }
    }
    throw new IllegalArgumentException("unknown precision '" + value + "'; use auto, fp32 or fp16");
  }

  /**
   * The type that weights of matrix products get on a device.
   *
   * @param device where the model runs
   * @return {@link DataType#FLOAT16} for {@link #FP16}, and for {@link #AUTO} on a GPU; else {@link DataType#FLOAT32}
   */
  public DataType weightType(Device device) {
    boolean half = this == FP16 || (this == AUTO && device.isGpu());
    return half ? DataType.FLOAT16 : DataType.FLOAT32;
  }

  /** @return the setting as configs write it, for example {@code fp16} */
  @Override
  public String toString() {
    return name().toLowerCase(Locale.ROOT);
  }
}
