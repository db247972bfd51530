package dev.findmypic.index.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FtsQueryTest {
  @Test
  void quotesEveryWordAndDropsSyntax() {
    assertThat(FtsQuery.build("sunset \"beach\" NEAR(a b) OR x* -y ^z col:w 'quote'", FtsQuery.Mode.ANY_WORD, "ocr"))
        .contains("{ocr} : (\"sunset\" OR \"beach\" OR \"near\" OR \"a\" OR \"b\" OR \"or\" OR \"x\" OR \"y\""
            + " OR \"z\" OR \"col\" OR \"w\" OR \"quote\")");
    assertThat(FtsQuery.build("Total Amount", FtsQuery.Mode.PHRASE, "ocr")).contains("{ocr} : (\"total amount\")");
    assertThat(FtsQuery.build("thank yo", FtsQuery.Mode.PREFIX, "ocr")).contains("{ocr} : (\"thank\" AND \"yo\"*)");
    assertThat(FtsQuery.build("a b", FtsQuery.Mode.ALL_WORDS, "name")).contains("{name} : (\"a\" AND \"b\")");
  }

  @Test
  void withoutAColumnTheWordsMatchAnyColumn() {
    assertThat(FtsQuery.build("Dewey decimal classification", FtsQuery.Mode.ANY_WORD))
        .hasValue("\"dewey\" OR \"decimal\" OR \"classification\"");
    assertThat(FtsQuery.build("\"library\" * (NEAR catalog) OR 'x'; DROP TABLE documents; --", FtsQuery.Mode.ANY_WORD))
        .hasValue("\"library\" OR \"near\" OR \"catalog\" OR \"or\" OR \"x\" OR \"drop\" OR \"table\" OR \"documents\"");
  }

  @Test
  void anyWordSendsARepeatedWordOnceWhileAPhraseKeepsIt() {
    assertThat(FtsQuery.build("book Book BOOK", FtsQuery.Mode.ANY_WORD)).hasValue("\"book\"");
    assertThat(FtsQuery.build("the cat and the hat", FtsQuery.Mode.PHRASE)).hasValue("\"the cat and the hat\"");
  }

  @Test
  void textWithoutWordsGivesNoQuery() {
    for (String text : new String[] {"", "   ", "\"\"", "*", "()", "😀🎉", "  \"*\" () ''  ", null}) {
      for (FtsQuery.Mode mode : FtsQuery.Mode.values()) {
        assertThat(FtsQuery.build(text, mode, "ocr")).as(text + " " + mode).isEmpty();
      }
    }
    assertThat(FtsQuery.build("'; DROP TABLE files; --", FtsQuery.Mode.ANY_WORD, "ocr"))
        .contains("{ocr} : (\"drop\" OR \"table\" OR \"files\")");
  }

  @Test
  void aColumnNameMustBeAPlainName() {
    assertThatThrownBy(() -> FtsQuery.build("x", FtsQuery.Mode.ANY_WORD, "ocr} OR {name"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ocr} OR {name");
  }

  @Test
  void longTextKeepsABoundedNumberOfBoundedWords() {
    List<String> words = FtsQuery.words("word ".repeat(2_000) + "x".repeat(10_000));
    assertThat(words).hasSize(FtsQuery.MAX_WORDS).allMatch(w -> w.equals("word"));
    assertThat(FtsQuery.words("y".repeat(10_000))).containsExactly("y".repeat(FtsQuery.MAX_WORD_LENGTH));
  }

  @Test
  void anyWordKeepsTheFirstDistinctWords() {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < 2_000; i++) {
      text.append("w").append(i).append(" w0 ");
    }
    String query = FtsQuery.build(text.toString(), FtsQuery.Mode.ANY_WORD).orElseThrow();
    assertThat(query.split(" OR ")).hasSize(FtsQuery.MAX_WORDS);
    assertThat(query).startsWith("\"w0\" OR \"w1\"").endsWith("\"w63\"");
  }

  @Test
  void normalisesCaseAndCompatibilityFormsAndKeepsMarksInWords() {
    assertThat(FtsQuery.words("ＴＯＴＡＬ Café ﬁsh 12.50")).containsExactly("total", "café", "fish", "12", "50");
    assertThat(FtsQuery.words("café Ångström 東京")).containsExactly("café", "ångström", "東京");
    // Thai vowel signs are combining marks: FTS5's unicode61 keeps them inside the token, so must the query
    assertThat(FtsQuery.words("เส้นทางลัด เพชรบุรี")).containsExactly("เส้นทางลัด", "เพชรบุรี");
  }

  @Test
  void anEmptyResultIsEmptyNotNull() {
    assertThat(FtsQuery.build(null, FtsQuery.Mode.PREFIX)).isEqualTo(Optional.empty());
    assertThat(FtsQuery.words(null)).isEmpty();
  }
}
