package dev.findmypic.index.search;

import static org.assertj.core.api.Assertions.assertThat;

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
  void textWithoutWordsGivesNoQuery() {
    for (String text : new String[] {"", "   ", "\"\"", "*", "()", "😀🎉", "'; DROP TABLE files; --", null}) {
      Optional<String> q = FtsQuery.build(text, FtsQuery.Mode.ANY_WORD, "ocr");
      if (text != null && text.contains("DROP")) {
        assertThat(q).contains("{ocr} : (\"drop\" OR \"table\" OR \"files\")");
      } else {
        assertThat(q).as(String.valueOf(text)).isEmpty();
      }
    }
  }

  @Test
  void longTextKeepsABoundedNumberOfBoundedWords() {
    List<String> words = FtsQuery.words("word ".repeat(2_000) + "x".repeat(10_000));
    assertThat(words).hasSize(FtsQuery.MAX_WORDS).allMatch(w -> w.length() <= FtsQuery.MAX_WORD_LENGTH);
    assertThat(FtsQuery.words("y".repeat(10_000))).containsExactly("y".repeat(FtsQuery.MAX_WORD_LENGTH));
  }

  @Test
  void normalisesCaseAndCompatibilityForms() {
    assertThat(FtsQuery.words("ＴＯＴＡＬ Café ﬁsh 12.50")).containsExactly("total", "café", "fish", "12", "50");
  }
}
