package dev.findmypic.cli;

import dev.findmypic.index.search.SearchFilter;
import dev.findmypic.index.search.SearchRequest;
import dev.findmypic.index.search.SortOrder;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** The filter, order, paging and output options every search command takes. */
final class SearchOptions {
  @Option(names = "--in", paramLabel = "FOLDER", description = "Only photos under this folder. Repeatable.")
  List<Path> folders = new ArrayList<>();

  @Option(names = "--from", paramLabel = "YYYY-MM-DD", description = "Only photos taken on or after this day.")
  LocalDate from;

  @Option(names = "--to", paramLabel = "YYYY-MM-DD", description = "Only photos taken on or before this day.")
  LocalDate to;

  @Option(names = "--type", paramLabel = "FORMAT", description = "Only this file type (jpeg, png, …). Repeatable.")
  List<String> types = new ArrayList<>();

  @Option(names = "--min-score", description = "Only results scoring at least this (0 to 1).")
  double minScore;

  @Option(names = "--sort", defaultValue = "relevance",
      description = "relevance (default), newest or oldest (by date taken).")
  String sort;

  @Option(names = "--limit", defaultValue = "20", description = "Results per page (default 20).")
  int limit;

  @Option(names = "--offset", defaultValue = "0", description = "Results to skip, for the next page.")
  int offset;

  @Option(names = "--html", paramLabel = "FILE", description = "Also write a contact sheet of the results.")
  Path html;

  /** @return the request these options describe */
  SearchRequest request() {
    SearchFilter.Builder filter = SearchFilter.builder();
    folders.forEach(filter::folder);
    types.forEach(filter::format);
    if (from != null || to != null) {
      filter.taken(from == null ? null : from.atStartOfDay(), to == null ? null : to.plusDays(1).atStartOfDay());
    }
    if (minScore > 0) {
      filter.minScore(minScore);
    }
    return new SearchRequest(filter.build(), sortOrder(), offset, limit);
  }

  private SortOrder sortOrder() {
    return switch (sort.toLowerCase(java.util.Locale.ROOT)) {
      case "relevance" -> SortOrder.RELEVANCE;
      case "newest" -> SortOrder.NEWEST_FIRST;
      case "oldest" -> SortOrder.OLDEST_FIRST;
      default -> throw new IllegalArgumentException("--sort must be relevance, newest or oldest, not '" + sort + "'");
    };
  }
}
