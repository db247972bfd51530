package dev.findmypic.index.search;

import java.util.Objects;

/**
 * What every query takes besides its own input: a filter, an order and a page.
 *
 * @param filter which photos may be returned
 * @param sort the order
 * @param offset how many results to skip
 * @param limit how many to return at most, 1 to {@value #MAX_LIMIT}
 */
public record SearchRequest(SearchFilter filter, SortOrder sort, int offset, int limit) {
  /** The largest page. */
  public static final int MAX_LIMIT = 1_000;

  /** Checks the arguments. */
  public SearchRequest {
    Objects.requireNonNull(filter, "filter");
    Objects.requireNonNull(sort, "sort");
    if (offset < 0 || limit < 1 || limit > MAX_LIMIT) {
      throw new IllegalArgumentException("offset must be at least 0 and limit 1 to " + MAX_LIMIT + ", got "
          + offset + " and " + limit);
    }
  }

  /**
   * The first page by relevance, unfiltered.
   *
   * @param limit the page size
   * @return the request
   */
  public static SearchRequest firstPage(int limit) {
    return new SearchRequest(SearchFilter.NONE, SortOrder.RELEVANCE, 0, limit);
  }

  /**
   * The same request with another filter.
   *
   * @param filter the filter
   * @return a new request
   */
  public SearchRequest withFilter(SearchFilter filter) {
    return new SearchRequest(filter, sort, offset, limit);
  }

  /**
   * The same request for another page.
   *
   * @param offset results to skip
   * @return a new request
   */
  public SearchRequest withOffset(int offset) {
    return new SearchRequest(filter, sort, offset, limit);
  }

  /**
   * The same request in another order.
   *
   * @param sort the order
   * @return a new request
   */
  public SearchRequest withSort(SortOrder sort) {
    return new SearchRequest(filter, sort, offset, limit);
  }
}
