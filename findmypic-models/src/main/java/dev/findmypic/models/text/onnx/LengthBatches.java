package dev.findmypic.models.text.onnx;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Groups texts of like token length into batches, so that little of each batch is padding. Every batch has at most
 * {@code maxRows} rows and at most {@code maxTokens} padded tokens (at least one row, whatever its length).
 */
final class LengthBatches {
  private LengthBatches() {}

  /**
   * Plans the batches.
   *
   * @param sequences the token ids of every text
   * @param maxRows the most texts in one batch, at least 1
   * @param maxTokens the most padded tokens (rows times the longest row) in one batch
   * @return the indices into {@code sequences} of each batch, shortest texts first; every index exactly once
   */
  static List<int[]> plan(List<long[]> sequences, int maxRows, int maxTokens) {
    int[] byLength = IntStream.range(0, sequences.size())
        .boxed()
        .sorted(Comparator.comparingInt(i -> sequences.get(i).length))
        .mapToInt(Integer::intValue)
        .toArray();
    List<int[]> batches = new ArrayList<>();
    int start = 0;
    while (start < byLength.length) {
      int end = start + 1;
      // sorted ascending, so the row being added is the longest of the batch so far
      while (end < byLength.length
          && end - start < maxRows
          && (long) (end - start + 1) * sequences.get(byLength[end]).length <= maxTokens) {
        end++;
      }
      batches.add(Arrays.copyOfRange(byLength, start, end));
      start = end;
    }
    return batches;
  }
}
