package dev.findmypic.models.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import dev.findmypic.core.FindMyPicException;
import dev.findmypic.core.ModelException;
import dev.findmypic.models.checkpoint.Checkpoint;
import dev.findmypic.models.checkpoint.Checkpoints;
import dev.findmypic.models.checkpoint.Tensor;
import dev.findmypic.models.checkpoint.TensorArrays;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.BiFunction;

/**
 * {@link Weights} read from a checkpoint file (safetensors, sharded safetensors, or a {@code torch.save} file).
 * Each tensor is copied into an array and its file data released at once, so a loaded model's weights are resident
 * once, not twice. Closing it closes the checkpoint; the arrays it made stay valid, owned by the model's manager.
 */
public final class CheckpointWeights implements Weights, AutoCloseable {
  /** The file names a Hugging Face model directory may hold its weights under, in order of preference. */
  static final List<String> CHECKPOINT_NAMES = List.of(
      "model.safetensors", "model.safetensors.index.json", "pytorch_model.bin", "pytorch_model.bin.index.json");

  private final Checkpoint checkpoint;
  private final NDManager manager;

  private CheckpointWeights(Checkpoint checkpoint, NDManager manager) {
    this.checkpoint = checkpoint;
    this.manager = manager;
  }

  /**
   * Opens a checkpoint file.
   *
   * @param file the checkpoint
   * @param manager the model's manager, which will own every array
   * @param droppedPrefix a prefix to drop from names that carry it (for example {@code bert.}), or null
   * @return the weights; the caller closes them once the model is built
   * @throws dev.findmypic.core.ModelFormatException naming the file if it is malformed
   */
  public static CheckpointWeights open(Path file, NDManager manager, String droppedPrefix) {
    Checkpoint checkpoint = Checkpoints.open(file);
    if (droppedPrefix != null && checkpoint.names().stream().anyMatch(n -> n.startsWith(droppedPrefix))) {
      checkpoint = Checkpoints.withoutPrefix(checkpoint, droppedPrefix);
    }
    return new CheckpointWeights(checkpoint, manager);
  }

  /**
   * Finds the weights file of a Hugging Face model directory.
   *
   * @param modelDir the directory
   * @return the first of {@code model.safetensors}, {@code model.safetensors.index.json}, {@code pytorch_model.bin},
   *     {@code pytorch_model.bin.index.json} that exists
   * @throws ModelException naming the directory and the names looked for if there is none
   */
  public static Path find(Path modelDir) {
    for (String name : CHECKPOINT_NAMES) {
      Path file = modelDir.resolve(name);
      if (Files.isRegularFile(file)) {
        return file;
      }
    }
    throw new ModelException("no weights in " + modelDir + ": looked for " + String.join(", ", CHECKPOINT_NAMES));
  }

  /**
   * Builds a model from the weights in a Hugging Face model directory, in a new manager that the result owns. If
   * anything fails, the manager is closed and the failure is reported as a {@link ModelException} naming the
   * directory (a {@link FindMyPicException} passes through as it is).
   *
   * @param modelDir the directory, searched as {@link #find} does
   * @param droppedPrefix a prefix to drop from names, or null
   * @param kind what is loaded, for messages, for example {@code CLIP}
   * @param build makes the model from the new manager and the weights; it must keep the manager to close it
   * @param <T> the model
   * @return the model
   */
  public static <T> T build(
      Path modelDir, String droppedPrefix, String kind, BiFunction<NDManager, Weights, T> build) {
    NDManager manager = NDManager.newBaseManager("PyTorch");
    try (CheckpointWeights weights = open(find(modelDir), manager, droppedPrefix)) {
      return build.apply(manager, weights);
    } catch (RuntimeException e) {
      manager.close();
      if (e instanceof FindMyPicException) {
        throw e;
      }
      throw new ModelException("cannot load " + kind + " model from " + modelDir + ": " + e.getMessage(), e);
    }
  }

  @Override
  public NDArray get(String name) {
    Tensor tensor = checkpoint.get(name);
    try {
      return TensorArrays.toNDArray(tensor, manager);
    } finally {
      checkpoint.release(tensor);
    }
  }

  @Override
  public boolean contains(String name) {
    return checkpoint.names().contains(name);
  }

  @Override
  public NDManager manager() {
    return manager;
  }

  @Override
  public void close() {
    checkpoint.close();
  }
}
