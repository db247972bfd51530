package dev.findmypic.index.vectors;

import java.util.Arrays;
import java.util.function.LongPredicate;

/**
 * Which ids a vector search may return. The index applies it while it searches, so a filter never shortens the list
 * of results below what the index holds that passes it.
 */
public interface IdFilter {
  /**
   * Tests one id.
   *
   * @param id an id
   * @return true if it may be returned
   */
  boolean accepts(long id);

  /**
   * Lists the accepted ids when that is cheap, so that an index can scan just these when they are few.
   *
   * @return the accepted ids, or null when unknown
   */
  default long[] acceptedIds() {
    return null;
  }

  /**
   * A filter from a predicate.
   *
   * @param predicate the test
   * @return the filter
   */
  static IdFilter of(LongPredicate predicate) {
    return predicate::test;
  }

  /**
   * A filter that accepts exactly some ids.
   *
   * @param ids the ids; copied
   * @return the filter
   */
  static IdFilter ofIds(long[] ids) {
    long[] sorted = ids.clone();
    if (!isSorted(sorted)) {
      Arrays.sort(sorted);
    }
    return new IdFilter() {
      @Override
      public boolean accepts(long id) {
        return Arrays.binarySearch(sorted, id) >= 0;
      }

      @Override
      public long[] acceptedIds() {
        return sorted.clone();
      }
    };
  }

  private static boolean isSorted(long[] ids) {
    for (int i = 1; i < ids.length; i++) {
      if (ids[i - 1] > ids[i]) {
        return false;
      }
    }
    return true;
  }
}
