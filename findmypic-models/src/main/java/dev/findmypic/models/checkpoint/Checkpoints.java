package dev.findmypic.models.checkpoint;

import dev.findmypic.core.ModelException;
import dev.findmypic.core.ModelFormatException;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens model checkpoints in the formats that Hugging Face and PyTorch publish, recognised by their content:
 * safetensors, the zip {@code torch.save} format, the legacy (pre-1.6) pickle {@code torch.save} format, and sharded
 * checkpoints described by a {@code *.index.json} file. Pickles are read with a restricted unpickler that rebuilds
 * only tensors, storages and ordered dicts: a checkpoint never executes code.
 *
 * <pre>{@code
 * try (Checkpoint weights = Checkpoints.open(dir.resolve("model.safetensors"))) {
 *   float[] bias = TensorArrays.toFloats(weights.get("text_projection.bias"));
 * }
 * }</pre>
 */
public final class Checkpoints {
  private static final Logger LOG = LoggerFactory.getLogger(Checkpoints.class);
  private static final int ZIP_MAGIC = 0x504B0304;
  private static final int PICKLE_PROTO = 0x80;

  private Checkpoints() {}

  /**
   * Opens a checkpoint, detecting its format.
   *
   * @param file a {@code .safetensors}, {@code .bin}/{@code .pt}/{@code .pth} or {@code *.index.json} file
   * @return the checkpoint; the caller closes it
   * @throws ModelFormatException naming the file if it is malformed, hostile or of an unknown format
   * @throws ModelException if it cannot be read
   */
  public static Checkpoint open(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new ModelException(file + ": checkpoint file not found");
    }
    if (file.getFileName().toString().endsWith(".index.json")) {
      return ShardedCheckpoint.open(file);
    }
    byte[] head = head(file);
    if (head.length >= 4 && readIntBigEndian(head) == ZIP_MAGIC) {
      return TorchCheckpoint.openZip(file);
    }
    if (head.length >= 1 && (head[0] & 0xFF) == PICKLE_PROTO) {
      return TorchCheckpoint.openLegacy(file);
    }
    if (head.length == 9 && head[8] == '{') {
      return SafetensorsCheckpoint.open(file);
    }
    throw new ModelFormatException(file + ": not a recognised checkpoint (expected safetensors, a torch.save zip or"
        + " legacy pickle, or a *.index.json of shards)");
  }

  /**
   * Returns a view of a checkpoint whose names lose a prefix, for state dicts saved from a wrapped module (for
   * example {@code module.} from {@code DataParallel}). Names without the prefix are kept as they are; closing the
   * view closes the checkpoint.
   *
   * @param checkpoint the checkpoint
   * @param prefix the prefix to drop, for example {@code "module."}
   * @return the view
   * @throws ModelFormatException if dropping the prefix makes two names equal
   */
  public static Checkpoint withoutPrefix(Checkpoint checkpoint, String prefix) {
    return new RenamedCheckpoint(checkpoint, prefix);
  }

  static void closeQuietly(Path file, Closeable closeable) {
    try {
      closeable.close();
    } catch (IOException e) {
      LOG.warn("{}: cannot close: {}", file, e.getMessage());
    }
  }

  private static byte[] head(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      return in.readNBytes(9);
    } catch (IOException e) {
      throw new ModelException(file + ": cannot read checkpoint: " + e.getMessage(), e);
    }
  }

  private static int readIntBigEndian(byte[] b) {
    return (b[0] & 0xFF) << 24 | (b[1] & 0xFF) << 16 | (b[2] & 0xFF) << 8 | (b[3] & 0xFF);
  }
}
