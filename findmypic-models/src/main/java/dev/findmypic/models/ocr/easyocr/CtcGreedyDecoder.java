package dev.findmypic.models.ocr.easyocr;

import java.util.Objects;

/**
 * EasyOCR's greedy CTC decoding with its confidence ({@code recognizer_predict}): softmax over the classes, argmax per
 * time step, repeats collapsed and blanks dropped; the confidence is the product of the non-blank steps' maximum
 * probabilities raised to {@code 2 / sqrt(n)}, the product taken in float32 as numpy does (so a long, unsure line can
 * underflow to 0).
 */
final class CtcGreedyDecoder {
  private final String characters;

  /**
   * @param characters the character of each class from index 1 on (index 0 is the CTC blank)
   */
  CtcGreedyDecoder(String characters) {
    this.characters = Objects.requireNonNull(characters, "characters");
  }

  /** @return the number of classes, the characters plus the blank */
  int classes() {
    return characters.codePointCount(0, characters.length()) + 1;
  }

  /**
   * Decodes one sequence of raw logits.
   *
   * @param logits {@code steps * classes} raw logits, row-major, starting at {@code offset}
   * @param offset where the sequence starts in {@code logits}
   * @param steps the number of time steps
   * @return the text and its confidence
   */
  Recognition decode(float[] logits, int offset, int steps) {
    int classes = classes();
    StringBuilder text = new StringBuilder();
    float product = 1f;
    int kept = 0;
    int previous = -1;
    for (int t = 0; t < steps; t++) {
      int row = offset + t * classes;
      float max = Float.NEGATIVE_INFINITY;
      int best = 0;
      for (int c = 0; c < classes; c++) {
        if (logits[row + c] > max) {
          max = logits[row + c];
          best = c;
        }
      }
      float sum = 0f;
      for (int c = 0; c < classes; c++) {
        sum += (float) Math.exp(logits[row + c] - max);
      }
      // softmax, then EasyOCR divides by the row sum again (after zeroing ignored classes, none for English);
      // numpy sums pairwise, which a double accumulator matches to float32 precision
      double norm = 0;
      for (int c = 0; c < classes; c++) {
        norm += (float) Math.exp(logits[row + c] - max) / sum;
      }
      if (best != 0) {
        product *= (1f / sum) / (float) norm;
        kept++;
        if (best != previous) {
          text.appendCodePoint(characters.codePointAt(characters.offsetByCodePoints(0, best - 1)));
        }
      }
      previous = best;
    }
    double confidence = kept == 0 ? 0.0 : Math.pow(product, 2.0 / Math.sqrt(kept));
    return new Recognition(text.toString(), confidence);
  }
}
