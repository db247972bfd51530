package dev.findmypic.index;

import java.time.Duration;
import java.util.List;

/**
 * What an indexing run did.
 *
 * @param added files analysed for the first time
 * @param updated files analysed again because they changed or a new model needs them
 * @param moved files found at a new path with the same content, whose analysis was kept
 * @param removed files gone from disk, removed from the catalogue
 * @param unchanged files skipped because their size and mtime had not changed
 * @param failures files that could not be analysed, with the reasons
 * @param disabled features that are off because an analyser is missing, e.g. "visual search is off: no CLIP embedder"
 * @param cancelled true if the run was cancelled before it finished
 * @param elapsed how long the run took
 * @param stageTimes how the pipeline's threads shared their time among decoding, each analyser, commits and waiting
 */
public record IndexSummary(
    int added,
    int updated,
    int moved,
    int removed,
    int unchanged,
    List<FileFailure> failures,
    List<String> disabled,
    boolean cancelled,
    Duration elapsed,
    StageTimes stageTimes) {
  /** Copies the lists so the record stays immutable. */
  public IndexSummary {
    failures = List.copyOf(failures);
    disabled = List.copyOf(disabled);
  }
}
