package dev.findmypic.index.docs;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Splits a document's text into overlapping passages of whole words.
 *
 * <p>The default, 160 words with 40 words of overlap, is set by the embedder: all-MiniLM-L6-v2 reads 256 WordPiece
 * tokens, and English prose runs about 1.3 tokens a word, so a 160-word passage (about 210 tokens) is read whole,
 * where a 200-word one would lose its last words. The overlap keeps a sentence that straddles a boundary whole in
 * one of the two passages. Whitespace inside a passage is collapsed to single spaces.
 */
final class Chunker {
  static final Chunker DEFAULT = new Chunker(160, 40);

  private final int words;
  private final int overlap;

  /**
   * Creates a chunker.
   *
   * @param words the words per passage, at least 1
   * @param overlap the words a passage shares with the one before, less than {@code words}
   */
  Chunker(int words, int overlap) {
    if (words < 1 || overlap < 0 || overlap >= words) {
      throw new IllegalArgumentException("need words >= 1 and 0 <= overlap < words, got " + words + ", " + overlap);
    }
    this.words = words;
    this.overlap = overlap;
  }

  /**
   * Splits a text.
   *
   * @param text the text
   * @return the passages in order; empty for text without words; one passage for text of at most {@code words} words
   */
  List<String> split(String text) {
    String trimmed = text.strip();
    if (trimmed.isEmpty()) {
      return List.of();
    }
    String[] tokens = trimmed.split("\\s+");
    List<String> passages = new ArrayList<>();
    int step = words - overlap;
    for (int start = 0; ; start += step) {
      int end = Math.min(tokens.length, start + words);
      passages.add(String.join(" ", Arrays.asList(tokens).subList(start, end)));
      if (end == tokens.length) {
        return passages;
      }
    }
  }
}
