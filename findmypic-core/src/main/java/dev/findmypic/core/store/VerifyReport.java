package dev.findmypic.core.store;

import java.util.List;

/**
 * The result of checking a cached model's files against their hashes.
 *
 * @param ref the model
 * @param problems one line per file that is missing or does not match, naming the file and the cause; empty when
 *     all is well
 */
public record VerifyReport(ModelRef ref, List<String> problems) {
  /** Copies the list. */
  public VerifyReport {
    problems = List.copyOf(problems);
  }

  /** @return true if every file is present and matches */
  public boolean ok() {
    return problems.isEmpty();
  }
}
