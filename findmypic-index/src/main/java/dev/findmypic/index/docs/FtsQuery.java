package dev.findmypic.index.docs;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns what a user typed into a safe SQLite FTS5 query: its words, each as a quoted FTS5 string, joined by
 * {@code OR} so that BM25 ranks passages by how many and how rare the words they share with the query are.
 *
 * <p>Only runs of letters, digits and combining marks become words; everything else (quotes, {@code *}, parentheses,
 * {@code :}, {@code ^}, {@code -}, emoji) separates words and never reaches FTS5 as syntax. Operator words such as
 * {@code NEAR}, {@code OR}, {@code AND} and {@code NOT} are quoted like any other word, so they are searched for as
 * words. The expression is bound as a statement parameter, never spliced into SQL. Long input keeps its first
 * {@value #MAX_TERMS} distinct words.
 */
final class FtsQuery {
  /** The most distinct words sent to FTS5; more add cost and hardly change the ranking. */
  static final int MAX_TERMS = 64;

  private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}\\p{M}]+");
  private static final int MAX_WORD_LENGTH = 64;

  private FtsQuery() {}

  /**
   * Builds the FTS5 expression.
   *
   * @param userText the text the user typed, any content
   * @return the expression for {@code MATCH ?}, or empty if the text has no words
   */
  static Optional<String> of(String userText) {
    Set<String> terms = new LinkedHashSet<>();
    Matcher m = WORD.matcher(userText);
    while (m.find() && terms.size() < MAX_TERMS) {
      String word = m.group().toLowerCase(Locale.ROOT);
      terms.add(word.length() > MAX_WORD_LENGTH ? word.substring(0, MAX_WORD_LENGTH) : word);
    }
    if (terms.isEmpty()) {
      return Optional.empty();
    }
    StringBuilder expression = new StringBuilder();
    for (String term : terms) {
      if (expression.length() > 0) {
        expression.append(" OR ");
      }
      // the term holds letters, digits and marks only, so it cannot close the quotes
      expression.append('"').append(term).append('"');
    }
    return Optional.of(expression.toString());
  }
}
