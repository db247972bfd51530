package dev.findmypic.models.ocr.easyocr;

import dev.findmypic.core.ModelFormatException;
import dev.findmypic.models.checkpoint.Checkpoint;
import dev.findmypic.models.checkpoint.Tensor;
import dev.findmypic.models.checkpoint.TensorType;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * The float tensors of an EasyOCR checkpoint by their module names, with the {@code module.} prefix that
 * {@code torch.nn.DataParallel} adds (as in {@code english_g2.pth}) taken off, as EasyOCR does when loading.
 */
final class StateDict {
  private static final String DATA_PARALLEL = "module.";
  private final Checkpoint checkpoint;
  private final String prefix;

  /** @param checkpoint the opened checkpoint */
  StateDict(Checkpoint checkpoint) {
    this.checkpoint = checkpoint;
    boolean wrapped = !checkpoint.names().isEmpty()
        && checkpoint.names().stream().allMatch(n -> n.startsWith(DATA_PARALLEL));
    this.prefix = wrapped ? DATA_PARALLEL : "";
  }

  /**
   * Reads a float32 tensor of a known shape.
   *
   * @param name the name without any {@code module.} prefix
   * @param shape the shape the network needs
   * @return the values, row-major
   * @throws ModelFormatException naming the file and tensor if it is missing, not float32, or of another shape
   */
  float[] floats(String name, long... shape) {
    String key = prefix + name;
    if (!checkpoint.names().contains(key)) {
      throw new ModelFormatException(checkpoint.source() + " has no tensor '" + key
          + "'; is this the right EasyOCR model file?");
    }
    Tensor t = checkpoint.get(key);
    if (t.type() != TensorType.F32) {
      throw new ModelFormatException(checkpoint.source() + ": tensor '" + key + "' is " + t.type()
          + ", expected F32");
    }
    if (!Arrays.equals(t.shape(), shape)) {
      throw new ModelFormatException(checkpoint.source() + ": tensor '" + key + "' has shape "
          + Arrays.toString(t.shape()) + ", expected " + Arrays.toString(shape));
    }
    float[] values = new float[Math.toIntExact(t.elements())];
    t.data().duplicate().order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(values);
    return values;
  }

  /** @return the file the tensors come from */
  String source() {
    return String.valueOf(checkpoint.source());
  }
}
