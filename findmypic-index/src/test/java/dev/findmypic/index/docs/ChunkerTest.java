package dev.findmypic.index.docs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ChunkerTest {
  private static String words(int from, int to) {
    return IntStream.range(from, to).mapToObj(i -> "w" + i).collect(Collectors.joining(" "));
  }

  @Test
  void passagesOverlapAndCoverEveryWord() {
    List<String> passages = new Chunker(4, 1).split(words(0, 10));
    assertThat(passages).containsExactly("w0 w1 w2 w3", "w3 w4 w5 w6", "w6 w7 w8 w9");
  }

  @Test
  void theLastPassageMayBeShort() {
    assertThat(new Chunker(4, 1).split(words(0, 8))).containsExactly("w0 w1 w2 w3", "w3 w4 w5 w6", "w6 w7");
  }

  @Test
  void shortTextIsOnePassageAndWhitespaceCollapses() {
    assertThat(Chunker.DEFAULT.split("  a\n\tb   c ")).containsExactly("a b c");
  }

  @Test
  void textWithoutWordsHasNoPassages() {
    assertThat(Chunker.DEFAULT.split(" \n\t ")).isEmpty();
  }

  @Test
  void theOverlapMustBeSmallerThanThePassage() {
    assertThatThrownBy(() -> new Chunker(4, 4)).isInstanceOf(IllegalArgumentException.class);
  }
}
