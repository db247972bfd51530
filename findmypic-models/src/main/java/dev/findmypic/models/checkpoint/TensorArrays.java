package dev.findmypic.models.checkpoint;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import dev.findmypic.core.ModelFormatException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Turns checkpoint tensors into float arrays and DJL {@link NDArray}s. Every element type is converted to 32-bit
 * float in Java, F16 and BF16 included (BF16 is the top half of an F32: {@code bits << 16}), because DJL's PyTorch
 * engine aborts the JVM on BF16 arrays.
 */
public final class TensorArrays {
  private TensorArrays() {}

  /**
   * Converts a tensor to floats in row-major order.
   *
   * @param tensor the tensor
   * @return its elements as floats
   * @throws ModelFormatException if it has more elements than an array can hold
   */
  public static float[] toFloats(Tensor tensor) {
    float[] out = new float[checkedSize(tensor)];
    ByteBuffer b = tensor.data().duplicate().order(ByteOrder.LITTLE_ENDIAN);
    switch (tensor.type()) {
      case F32 -> b.asFloatBuffer().get(out);
      case F16 -> {
        for (int i = 0; i < out.length; i++) {
          out[i] = HalfFloats.toFloat(b.getShort(2 * i));
        }
      }
      case BF16 -> {
        for (int i = 0; i < out.length; i++) {
          out[i] = Float.intBitsToFloat(b.getShort(2 * i) << 16);
        }
      }
      case F64 -> {
        for (int i = 0; i < out.length; i++) {
          out[i] = (float) b.getDouble(8 * i);
        }
      }
      case I64 -> {
        for (int i = 0; i < out.length; i++) {
          out[i] = b.getLong(8 * i);
        }
      }
      case I32 -> {
        for (int i = 0; i < out.length; i++) {
          out[i] = b.getInt(4 * i);
        }
      }
      case I16 -> {
        for (int i = 0; i < out.length; i++) {
          out[i] = b.getShort(2 * i);
        }
      }
      case I8 -> {
        for (int i = 0; i < out.length; i++) {
          out[i] = b.get(i);
        }
      }
      case U8, BOOL -> {
        for (int i = 0; i < out.length; i++) {
          out[i] = b.get(i) & 0xFF;
        }
      }
    }
    return out;
  }

  /**
   * Copies a tensor into a new FLOAT32 array owned by {@code manager}. The array never aliases the checkpoint's
   * memory, so it stays valid after the checkpoint is closed.
   *
   * @param tensor the tensor
   * @param manager the manager that will own the array
   * @return the array, with the tensor's shape
   */
  public static NDArray toNDArray(Tensor tensor, NDManager manager) {
    int size = checkedSize(tensor);
    ByteBuffer direct = manager.allocateDirect(size * Float.BYTES);
    if (tensor.type() == TensorType.F32) {
      direct.put(tensor.data().duplicate());
    } else {
      direct.asFloatBuffer().put(toFloats(tensor));
    }
    direct.rewind();
    return manager.create(direct, new Shape(tensor.shape()), DataType.FLOAT32);
  }

  private static int checkedSize(Tensor tensor) {
    long n = tensor.elements();
    if (n > Integer.MAX_VALUE / Float.BYTES) {
      throw new ModelFormatException("tensor '" + tensor.name() + "' has " + n + " elements, too many for one array");
    }
    return (int) n;
  }
}
