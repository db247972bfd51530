package dev.findmypic.index;

import dev.findmypic.index.catalogue.CatalogueStats;
import java.util.List;

/**
 * What a library holds.
 *
 * @param catalogue the catalogue's counts
 * @param catalogueBytes the size of the catalogue's files on disk (database and write-ahead log)
 * @param disabled features that are off because an analyser is missing
 */
public record LibraryStats(CatalogueStats catalogue, long catalogueBytes, List<String> disabled) {
  /** Copies the list so the record stays immutable. */
  public LibraryStats {
    disabled = List.copyOf(disabled);
  }
}
