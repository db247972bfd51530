package dev.findmypic.index.search;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Builds SQLite FTS5 match expressions from user text so that nothing the user types is read as FTS5 syntax.
 *
 * <p>The text is NFKC-normalised and lower-cased, then split into words of letters and digits; everything else
 * (quotes, {@code *}, parentheses, {@code :}, {@code ^}, {@code -}, emoji, punctuation) only separates words.
 * Each word is emitted as an FTS5 string in double quotes, so words such as {@code NEAR}, {@code OR} or {@code AND}
 * are searched for as words. At most {@value #MAX_WORDS} words of at most {@value #MAX_WORD_LENGTH} characters are
 * kept, so a 10,000-character query stays cheap. Text without any word gives no expression, and the search then has
 * no keyword signal.
 */
public final class FtsQuery {
  /** The most words kept from a query. */
  public static final int MAX_WORDS = 32;
  /** The longest word kept; longer ones are cut. */
  public static final int MAX_WORD_LENGTH = 64;

  /** How the words of a query combine. */
  public enum Mode {
    /** Photos with any of the words, ranked by BM25 (the keyword signal of a text search). */
    ANY_WORD,
    /** Photos with every word, in any order. */
    ALL_WORDS,
    /** Photos with the words next to each other, in this order. */
    PHRASE,
    /** Photos with every word, the last one as a prefix ({@code rece} finds {@code receipt}). */
    PREFIX
  }

  private FtsQuery() {}

  /**
   * Splits user text into the words that a query searches for.
   *
   * @param text any text, or null
   * @return the words, lower case, at most {@value #MAX_WORDS}
   */
  public static List<String> words(String text) {
    List<String> words = new ArrayList<>();
    if (text == null) {
      return words;
    }
    String normal = Normalizer.normalize(text.length() > 4 * MAX_WORDS * MAX_WORD_LENGTH
        ? text.substring(0, 4 * MAX_WORDS * MAX_WORD_LENGTH) : text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
    StringBuilder word = new StringBuilder();
    for (int i = 0; i < normal.length() && words.size() < MAX_WORDS; ) {
      int cp = normal.codePointAt(i);
      i += Character.charCount(cp);
      if (Character.isLetterOrDigit(cp)) {
        if (word.length() < MAX_WORD_LENGTH) {
          word.appendCodePoint(cp);
        }
      } else if (word.length() > 0) {
        words.add(word.toString());
        word.setLength(0);
      }
    }
    if (word.length() > 0 && words.size() < MAX_WORDS) {
      words.add(word.toString());
    }
    return words;
  }

  /**
   * Builds a match expression restricted to one column.
   *
   * @param text the user's text
   * @param mode how the words combine
   * @param column {@code name} or {@code ocr}
   * @return the expression, or empty when the text has no word
   */
  public static Optional<String> build(String text, Mode mode, String column) {
    if (!column.equals("name") && !column.equals("ocr")) {
      throw new IllegalArgumentException("unknown full-text column " + column);
    }
    List<String> words = words(text);
    if (words.isEmpty()) {
      return Optional.empty();
    }
    String expression;
    switch (mode) {
      case PHRASE -> expression = quote(String.join(" ", words));
      case ANY_WORD -> expression = join(words, " OR ", false);
      case ALL_WORDS -> expression = join(words, " AND ", false);
      case PREFIX -> expression = join(words, " AND ", true);
      default -> throw new IllegalArgumentException(mode.toString());
    }
    return Optional.of("{" + column + "} : (" + expression + ")");
  }

  private static String join(List<String> words, String operator, boolean lastIsPrefix) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < words.size(); i++) {
      if (i > 0) {
        sb.append(operator);
      }
      sb.append(quote(words.get(i)));
      if (lastIsPrefix && i == words.size() - 1) {
        sb.append('*');
      }
    }
    return sb.toString();
  }

  private static String quote(String s) {
    return '"' + s.replace("\"", "\"\"") + '"';
  }
}
