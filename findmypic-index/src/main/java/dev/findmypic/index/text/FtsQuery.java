package dev.findmypic.index.text;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Builds SQLite FTS5 match expressions from user text so that nothing the user types is read as FTS5 syntax. The
 * photo search and the document search both use it.
 *
 * <p>The text is NFKC-normalised and lower-cased, then split into words: maximal runs of letters, digits and
 * combining marks, the characters that FTS5's {@code unicode61} tokenizer keeps in a token. Everything else (quotes,
 * {@code *}, parentheses, {@code :}, {@code ^}, {@code -}, emoji, punctuation) only separates words. Each word is
 * emitted as an FTS5 string in double quotes, so words such as {@code NEAR}, {@code OR} or {@code AND} are searched
 * for as words. At most {@value #MAX_WORDS} words of at most {@value #MAX_WORD_LENGTH} characters are kept, so a
 * 10,000-character query stays cheap. Text without any word gives no expression, and the search then has no keyword
 * signal. The expression is meant to be bound as a statement parameter, never spliced into SQL.
 */
public final class FtsQuery {
  /** The most words kept from a query (for {@link Mode#ANY_WORD}, the most distinct words). */
  public static final int MAX_WORDS = 64;
  /** The longest word kept; longer ones are cut. */
  public static final int MAX_WORD_LENGTH = 64;

  private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}\\p{M}]+");
  private static final Pattern COLUMN = Pattern.compile("[a-z_]+");
  private static final int MAX_TEXT = 4 * MAX_WORDS * MAX_WORD_LENGTH;

  /** How the words of a query combine. */
  public enum Mode {
    /**
     * Rows with any of the words, each distinct word once, ranked by BM25 by how many and how rare the words they
     * share with the query are (the keyword signal of a text or document search).
     */
    ANY_WORD,
    /** Rows with every word, in any order. */
    ALL_WORDS,
    /** Rows with the words next to each other, in this order. */
    PHRASE,
    /** Rows with every word, the last one as a prefix ({@code rece} finds {@code receipt}). */
    PREFIX
  }

  private FtsQuery() {}

  /**
   * Splits user text into the words that a query searches for, in order, repeats included.
   *
   * @param text any text, or null
   * @return the words, lower case, at most {@value #MAX_WORDS}
   */
  public static List<String> words(String text) {
    return tokens(text, new ArrayList<>());
  }

  /**
   * Builds a match expression over every column of the table.
   *
   * @param text the user's text, any content, or null
   * @param mode how the words combine
   * @return the expression for {@code MATCH ?}, or empty when the text has no word
   */
  public static Optional<String> build(String text, Mode mode) {
    List<String> words = mode == Mode.ANY_WORD ? List.copyOf(tokens(text, new LinkedHashSet<>())) : words(text);
    if (words.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(switch (mode) {
      case PHRASE -> quote(String.join(" ", words));
      case ANY_WORD -> join(words, " OR ", false);
      case ALL_WORDS -> join(words, " AND ", false);
      case PREFIX -> join(words, " AND ", true);
    });
  }

  /**
   * Builds a match expression restricted to one column.
   *
   * @param text the user's text, any content, or null
   * @param mode how the words combine
   * @param column the column's name: lower-case letters and underscores
   * @return the expression, or empty when the text has no word
   * @throws IllegalArgumentException if the column name is not of that form
   */
  public static Optional<String> build(String text, Mode mode, String column) {
    if (!COLUMN.matcher(column).matches()) {
      throw new IllegalArgumentException("not a full-text column name: " + column);
    }
    return build(text, mode).map(expression -> "{" + column + "} : (" + expression + ")");
  }

  private static <C extends Collection<String>> C tokens(String text, C into) {
    if (text == null) {
      return into;
    }
    String cut = text.length() > MAX_TEXT ? text.substring(0, MAX_TEXT) : text;
    Matcher m = WORD.matcher(Normalizer.normalize(cut, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT));
    while (into.size() < MAX_WORDS && m.find()) {
      String word = m.group();
      into.add(word.length() > MAX_WORD_LENGTH ? word.substring(0, MAX_WORD_LENGTH) : word);
    }
    return into;
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

  // a word holds letters, digits and marks only, so it can hold no quote; a phrase adds spaces only
  private static String quote(String s) {
    return '"' + s + '"';
  }
}
