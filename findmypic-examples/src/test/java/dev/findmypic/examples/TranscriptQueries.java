package dev.findmypic.examples;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Queries made from the ground-truth transcripts of {@code fixtures/ocr/manifest.tsv}, chosen from the transcripts
 * alone, never from what an OCR engine read.
 *
 * <p>A transcript's words are its maximal runs of letters, digits and combining marks, NFKC-normalised and
 * lower-cased. A word's rarity is the number of transcripts in the manifest that contain it. An image's query is its
 * {@code n} rarest words of at least {@value #MIN_LENGTH} characters (fewer when the transcript has fewer), ties
 * broken by the word's first position in the transcript. Images with an empty transcript have no query.
 *
 * <p>Several images share a transcript (the same page rotated, the same crop twice). For a query, every image whose
 * transcript holds all of the query's words is an equally right answer, so an image's {@link #rank rank} counts only
 * the results before it that are not.
 */
final class TranscriptQueries {
  static final int MIN_LENGTH = 4;
  private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}\\p{M}]+");

  /**
   * One image of the manifest.
   *
   * @param path the image, absolute
   * @param words the transcript's distinct words, in order of first appearance
   */
  record Image(Path path, Set<String> words) {}

  private final List<Image> images;
  private final Map<String, Integer> documentFrequency = new HashMap<>();

  private TranscriptQueries(List<Image> images) {
    this.images = images;
    for (Image image : images) {
      image.words().forEach(w -> documentFrequency.merge(w, 1, Integer::sum));
    }
  }

  /**
   * Reads a manifest.
   *
   * @param folder the fixture folder with {@code manifest.tsv}
   * @return the queries
   * @throws IOException if the manifest cannot be read
   */
  static TranscriptQueries read(Path folder) throws IOException {
    List<Image> images = new ArrayList<>();
    List<String> lines = Files.readAllLines(folder.resolve("manifest.tsv"), StandardCharsets.UTF_8);
    for (String line : lines.subList(1, lines.size())) {
      String[] cells = line.split("\t", -1);
      images.add(new Image(folder.resolve(cells[0]).toAbsolutePath().normalize(), words(cells[2].replace("\\n", "\n"))));
    }
    return new TranscriptQueries(images);
  }

  static Set<String> words(String text) {
    Set<String> words = new LinkedHashSet<>();
    Matcher m = WORD.matcher(Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT));
    while (m.find()) {
      words.add(m.group());
    }
    return words;
  }

  /** Every image in the manifest, with or without text. */
  List<Image> images() {
    return images;
  }

  /** The images with a query: those whose transcript has at least one word. */
  List<Image> searchable() {
    return images.stream().filter(i -> !i.words().isEmpty()).toList();
  }

  /**
   * The query of an image.
   *
   * @param image the image
   * @param n how many words at most
   * @return the words, rarest first, joined by spaces
   */
  String query(Image image, int n) {
    List<String> long4 = image.words().stream().filter(w -> w.codePointCount(0, w.length()) >= MIN_LENGTH).toList();
    List<String> pool = long4.isEmpty() ? List.copyOf(image.words()) : long4;
    List<String> order = List.copyOf(image.words());
    return String.join(" ", pool.stream()
        .sorted(Comparator.comparingInt((String w) -> documentFrequency.get(w)).thenComparingInt(order::indexOf))
        .limit(n)
        .toList());
  }

  /**
   * Where an image is in a result list, counting only the results that are not equally right for the query.
   *
   * @param image the image searched for
   * @param query the query's words
   * @param results the result paths, best first
   * @return the rank from 1, or {@link Integer#MAX_VALUE} if the image is not in the list
   */
  int rank(Image image, String query, List<Path> results) {
    Set<String> wanted = words(query);
    Set<Path> alsoRight = new java.util.HashSet<>();
    for (Image other : images) {
      if (other.words().containsAll(wanted)) {
        alsoRight.add(other.path());
      }
    }
    int rank = 0;
    for (Path result : results) {
      Path p = result.toAbsolutePath().normalize();
      if (p.equals(image.path())) {
        return rank + 1;
      }
      if (!alsoRight.contains(p)) {
        rank++;
      }
    }
    return Integer.MAX_VALUE;
  }
}
