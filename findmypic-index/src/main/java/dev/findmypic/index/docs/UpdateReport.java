package dev.findmypic.index.docs;

import java.nio.file.Path;
import java.util.Map;

/**
 * What an update of the document index did.
 *
 * @param added documents indexed for the first time
 * @param updated documents re-indexed because they changed (or the embedding model did)
 * @param unchanged documents skipped because their size and modification time were unchanged
 * @param removed documents dropped because they are no longer under the roots
 * @param failed documents that could not be read, with the reason; they are left out of the index
 */
public record UpdateReport(int added, int updated, int unchanged, int removed, Map<Path, String> failed) {
  /** Copies the map so the record stays immutable. */
  public UpdateReport {
    failed = Map.copyOf(failed);
  }
}
