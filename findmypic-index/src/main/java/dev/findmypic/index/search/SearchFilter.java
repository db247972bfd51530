package dev.findmypic.index.search;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Which photos a search may return. Applied inside the search, before any list is cut to length, so a filter never
 * hides a photo that passes it behind ones that do not.
 *
 * @param folders photos under any of these folders (roots or any folder inside them); empty for all
 * @param takenFrom photos taken at or after this (EXIF date taken), or null; photos without a date never pass a
 *     date bound
 * @param takenBefore photos taken before this, or null
 * @param formats photos of these formats (lower case, e.g. {@code jpeg}, {@code png}); empty for all
 * @param minScore the lowest score returned, 0 for all
 */
public record SearchFilter(
    List<Path> folders, LocalDateTime takenFrom, LocalDateTime takenBefore, Set<String> formats, double minScore) {
  /** A filter that passes every photo. */
  public static final SearchFilter NONE = new SearchFilter(List.of(), null, null, Set.of(), 0);

  /** Normalises and copies the arguments. */
  public SearchFilter {
    folders = folders.stream().map(p -> p.toAbsolutePath().normalize()).toList();
    Set<String> lower = new HashSet<>();
    formats.forEach(f -> lower.add(f.toLowerCase(Locale.ROOT)));
    formats = Set.copyOf(lower);
  }

  /** @return a builder starting from {@link #NONE} */
  public static Builder builder() {
    return new Builder();
  }

  /** @return true if this filter restricts by anything other than the score */
  boolean restrictsPhotos() {
    return !folders.isEmpty() || takenFrom != null || takenBefore != null || !formats.isEmpty();
  }

  /** Builds a {@link SearchFilter}. */
  public static final class Builder {
    private final List<Path> folders = new ArrayList<>();
    private LocalDateTime takenFrom;
    private LocalDateTime takenBefore;
    private final Set<String> formats = new HashSet<>();
    private double minScore;

    private Builder() {}

    /**
     * Adds a folder.
     *
     * @param folder a root or a folder inside one
     * @return this builder
     */
    public Builder folder(Path folder) {
      folders.add(folder);
      return this;
    }

    /**
     * Restricts the date taken.
     *
     * @param from inclusive, or null
     * @param before exclusive, or null
     * @return this builder
     */
    public Builder taken(LocalDateTime from, LocalDateTime before) {
      this.takenFrom = from;
      this.takenBefore = before;
      return this;
    }

    /**
     * Adds a format.
     *
     * @param format e.g. {@code jpeg}
     * @return this builder
     */
    public Builder format(String format) {
      formats.add(format);
      return this;
    }

    /**
     * Sets the lowest score.
     *
     * @param minScore 0 to 1
     * @return this builder
     */
    public Builder minScore(double minScore) {
      this.minScore = minScore;
      return this;
    }

    /** @return the filter */
    public SearchFilter build() {
      return new SearchFilter(folders, takenFrom, takenBefore, formats, minScore);
    }
  }
}
