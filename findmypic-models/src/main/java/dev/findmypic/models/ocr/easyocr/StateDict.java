package dev.findmypic.models.ocr.easyocr;

import dev.findmypic.core.ModelFormatException;
import dev.findmypic.models.checkpoint.Checkpoint;
import dev.findmypic.models.checkpoint.Checkpoints;
import dev.findmypic.models.checkpoint.Tensor;
import dev.findmypic.models.checkpoint.TensorArrays;
import java.util.Arrays;

/**
 * The tensors of an EasyOCR checkpoint by their module names, with the {@code module.} prefix that
 * {@code torch.nn.DataParallel} adds (as in {@code english_g2.pth}) taken off, as EasyOCR does when loading.
 */
final class StateDict {
  private final Checkpoint checkpoint;

  /** @param checkpoint the opened checkpoint; it stays the caller's to close */
  StateDict(Checkpoint checkpoint) {
    this.checkpoint = Checkpoints.withoutPrefix(checkpoint, "module.");
  }

  /**
   * Reads a tensor of a known shape as float32.
   *
   * @param name the name without any {@code module.} prefix
   * @param shape the shape the network needs
   * @return the values, row-major
   * @throws ModelFormatException naming the file and tensor if it is missing or of another shape
   */
  float[] floats(String name, long... shape) {
    if (!checkpoint.names().contains(name)) {
      throw new ModelFormatException(checkpoint.source() + " has no tensor '" + name
          + "'; is this the right EasyOCR model file?");
    }
    Tensor t = checkpoint.get(name);
    if (!Arrays.equals(t.shape(), shape)) {
      throw new ModelFormatException(checkpoint.source() + ": tensor '" + name + "' has shape "
          + Arrays.toString(t.shape()) + ", expected " + Arrays.toString(shape));
    }
    return TensorArrays.toFloats(t);
  }
}
