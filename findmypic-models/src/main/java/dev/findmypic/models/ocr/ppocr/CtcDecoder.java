package dev.findmypic.models.ocr.ppocr;

/**
 * Greedy CTC decoding as PaddleOCR's {@code CTCLabelDecode}: the best class at each time step, repeats merged, blanks
 * dropped; the confidence is the mean probability of the kept steps. It also keeps, for each character, the time
 * steps it spans, which the word spacer reads.
 */
final class CtcDecoder {
  /**
   * A decoded line.
   *
   * @param symbols the kept symbols, in order
   * @param first the first time step of each symbol's run
   * @param last the last time step of each symbol's run
   * @param confidence the mean probability of the kept steps, 0 when nothing was kept
   * @param steps the number of time steps
   */
  record Decoded(String[] symbols, int[] first, int[] last, float confidence, int steps) {
    String text() {
      return String.join("", symbols);
    }
  }

  private final CharacterDictionary dictionary;

  CtcDecoder(CharacterDictionary dictionary) {
    this.dictionary = dictionary;
  }

  /**
   * Decodes one sequence.
   *
   * @param probs the output, [steps, classes] from {@code offset}
   * @param offset where this sequence starts in {@code probs}
   * @param steps the number of time steps
   * @param classes the number of classes; must equal the dictionary's size
   */
  Decoded decode(float[] probs, int offset, int steps, int classes) {
    if (classes != dictionary.size()) {
      throw new IllegalStateException("the recogniser has " + classes + " classes but the dictionary gives "
          + dictionary.size() + " (blank + characters + space)");
    }
    String[] symbols = new String[steps];
    int[] first = new int[steps];
    int[] last = new int[steps];
    int n = 0;
    double sum = 0;
    int previous = -1;
    for (int t = 0; t < steps; t++) {
      int base = offset + t * classes;
      int best = 0;
      float bestP = probs[base];
      for (int c = 1; c < classes; c++) {
        if (probs[base + c] > bestP) {
          bestP = probs[base + c];
          best = c;
        }
      }
      if (best != 0 && best == previous) {
        last[n - 1] = t;
      } else if (best != 0) {
        symbols[n] = dictionary.symbol(best);
        first[n] = t;
        last[n] = t;
        n++;
        sum += bestP;
      }
      previous = best;
    }
    return new Decoded(java.util.Arrays.copyOf(symbols, n), java.util.Arrays.copyOf(first, n),
        java.util.Arrays.copyOf(last, n), n == 0 ? 0f : (float) (sum / n), steps);
  }
}
