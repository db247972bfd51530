package dev.findmypic.models.checkpoint.fuzz;

import dev.findmypic.core.testing.FuzzScratch;
import dev.findmypic.models.checkpoint.Checkpoint;
import dev.findmypic.models.checkpoint.Checkpoints;
import dev.findmypic.models.checkpoint.TensorArrays;

/** Feeds fuzz inputs to {@link Checkpoints#open} as a file and reads every tensor it declares. */
final class CheckpointFuzzing {
  private CheckpointFuzzing() {}

  /**
   * Opens the input as a checkpoint named {@code fileName} and converts every tensor to floats, so that each
   * declared size and offset is used; then checks the reader wrote nothing beside the input.
   */
  static void openAndReadAll(FuzzScratch scratch, String fileName, byte[] input) {
    try {
      try (Checkpoint checkpoint = Checkpoints.open(scratch.write(fileName, input))) {
        for (String name : checkpoint.names()) {
          TensorArrays.toFloats(checkpoint.get(name));
        }
      }
    } finally {
      scratch.assertOnly(fileName);
    }
  }
}
