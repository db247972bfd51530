package dev.findmypic.index.docs;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FtsQueryTest {
  @Test
  void wordsBecomeQuotedTermsJoinedByOr() {
    assertThat(FtsQuery.of("Dewey decimal classification")).hasValue("\"dewey\" OR \"decimal\" OR \"classification\"");
  }

  @Test
  void syntaxCharactersSeparateWordsAndNeverPassThrough() {
    assertThat(FtsQuery.of("\"library\" * (NEAR catalog) OR 'x'; DROP TABLE documents; --"))
        .hasValue("\"library\" OR \"near\" OR \"catalog\" OR \"or\" OR \"x\" OR \"drop\" OR \"table\" OR \"documents\"");
    assertThat(FtsQuery.of("col:umn ^start -minus +plus")).hasValue(
        "\"col\" OR \"umn\" OR \"start\" OR \"minus\" OR \"plus\"");
  }

  @Test
  void repeatedWordsAreSentOnce() {
    assertThat(FtsQuery.of("book Book BOOK")).hasValue("\"book\"");
  }

  @Test
  void textWithoutWordsGivesNoQuery() {
    assertThat(FtsQuery.of("")).isEmpty();
    assertThat(FtsQuery.of("  \"*\" () ''  ")).isEmpty();
    assertThat(FtsQuery.of("🐶🎉👍")).isEmpty();
  }

  @Test
  void accentedAndNonLatinWordsAreKept() {
    assertThat(FtsQuery.of("café Ångström 東京")).hasValue("\"café\" OR \"ångström\" OR \"東京\"");
  }

  @Test
  void longInputKeepsTheFirst64DistinctWords() {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < 2_000; i++) {
      text.append("w").append(i).append(' ');
    }
    String query = FtsQuery.of(text.toString()).orElseThrow();
    assertThat(query.split(" OR ")).hasSize(FtsQuery.MAX_TERMS);
    assertThat(query).startsWith("\"w0\" OR \"w1\"").endsWith("\"w63\"");
  }
}
