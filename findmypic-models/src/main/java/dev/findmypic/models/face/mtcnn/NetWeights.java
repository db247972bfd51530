package dev.findmypic.models.face.mtcnn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.findmypic.core.ModelFormatException;
import dev.findmypic.models.checkpoint.Checkpoint;
import dev.findmypic.models.checkpoint.Checkpoints;
import dev.findmypic.models.checkpoint.Tensor;
import dev.findmypic.models.checkpoint.TensorArrays;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/** The float32 arrays of one network's state_dict, checked against the shapes the network needs. */
final class NetWeights {
  private final Map<String, NDArray> arrays;

  private NetWeights(Map<String, NDArray> arrays) {
    this.arrays = arrays;
  }

  /**
   * Reads a state_dict file (legacy or zip {@code torch.save}, or safetensors).
   *
   * @param file the file
   * @param spec the tensors the network needs: {@code "name d0,d1,...; name ..."}
   * @param manager owns the arrays
   * @return the weights
   * @throws ModelFormatException naming the file and tensor if one is missing or misshapen
   */
  static NetWeights read(Path file, String spec, NDManager manager) {
    Map<String, NDArray> arrays = new HashMap<>();
    try (Checkpoint checkpoint = Checkpoints.open(file)) {
      for (String entry : spec.split(";")) {
        String[] parts = entry.trim().split(" ");
        long[] shape = Arrays.stream(parts[1].split(",")).mapToLong(Long::parseLong).toArray();
        if (!checkpoint.names().contains(parts[0])) {
          throw new ModelFormatException(file + ": tensor '" + parts[0] + "' is missing; is this the right network's"
              + " state_dict?");
        }
        Tensor tensor = checkpoint.get(parts[0]);
        if (!Arrays.equals(tensor.shape(), shape)) {
          throw new ModelFormatException(file + ": tensor '" + parts[0] + "' has shape "
              + Arrays.toString(tensor.shape()) + ", expected " + Arrays.toString(shape));
        }
        arrays.put(parts[0], TensorArrays.toNDArray(tensor, manager));
      }
    }
    return new NetWeights(arrays);
  }

  /**
   * Appends zeros to a weight along one axis, so that a layer gets extra channels that contribute nothing.
   *
   * @param name the state_dict name
   * @param axis the axis to extend
   * @param size the new size of that axis
   */
  void padWithZeros(String name, int axis, long size) {
    NDArray array = get(name);
    long[] extra = array.getShape().getShape();
    extra[axis] = size - extra[axis];
    NDArray padded = array.concat(array.getManager().zeros(new Shape(extra)), axis);
    arrays.put(name, padded);
    array.close();
  }

  /**
   * Returns a weight.
   *
   * @param name the state_dict name
   * @return the array
   */
  NDArray get(String name) {
    NDArray array = arrays.get(name);
    if (array == null) {
      throw new IllegalArgumentException("no weight " + name);
    }
    return array;
  }
}
