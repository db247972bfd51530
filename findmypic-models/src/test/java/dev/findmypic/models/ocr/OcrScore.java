package dev.findmypic.models.ocr;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Character error rate and word recall of an OCR output against a transcript. Both texts are NFKC-normalised,
 * lower-cased (users search without regard to case; the word-crop labels are lower-case) and their whitespace
 * collapsed to single spaces, so line breaks and reading order between lines on the same row matter only as much as a
 * space does.
 */
public final class OcrScore {
  private OcrScore() {}

  /** @return the text as compared */
  public static String normalise(String text) {
    String t = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
    return t.strip().replaceAll("\\s+", " ");
  }

  /** @return edit distance between the normalised texts divided by the normalised reference's length */
  public static double cer(String reference, String hypothesis) {
    String r = normalise(reference);
    String h = normalise(hypothesis);
    if (r.isEmpty()) {
      throw new IllegalArgumentException("CER of an empty reference is undefined");
    }
    return (double) editDistance(r, h) / r.length();
  }

  /**
   * @return the share of the reference's words (punctuation stripped from their ends; each occurrence counted)
   *     that appear in the hypothesis's words
   */
  public static double wordRecall(String reference, String hypothesis) {
    List<String> ref = words(reference);
    if (ref.isEmpty()) {
      throw new IllegalArgumentException("word recall of an empty reference is undefined");
    }
    Map<String, Integer> available = new HashMap<>();
    for (String w : words(hypothesis)) {
      available.merge(w, 1, Integer::sum);
    }
    int found = 0;
    for (String w : ref) {
      Integer n = available.get(w);
      if (n != null && n > 0) {
        found++;
        available.put(w, n - 1);
      }
    }
    return (double) found / ref.size();
  }

  /** @return the normalised words with leading and trailing punctuation removed, empty ones dropped */
  public static List<String> words(String text) {
    List<String> out = new ArrayList<>();
    for (String w : normalise(text).split(" ")) {
      String s = w.replaceAll("^[\\p{P}\\p{S}]+|[\\p{P}\\p{S}]+$", "");
      if (!s.isEmpty()) {
        out.add(s);
      }
    }
    return out;
  }

  static int editDistance(String a, String b) {
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int sub = prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        cur[j] = Math.min(sub, Math.min(prev[j] + 1, cur[j - 1] + 1));
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length()];
  }
}
