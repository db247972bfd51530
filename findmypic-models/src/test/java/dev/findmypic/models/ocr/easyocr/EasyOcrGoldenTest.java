package dev.findmypic.models.ocr.easyocr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.findmypic.core.Picture;
import dev.findmypic.core.TextLine;
import dev.findmypic.core.testing.SharedData;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The real EasyOCR weights on {@code fixtures/ocr}: character error rate per subset. Runs only where
 * {@code craft_mlt_25k.pth} and {@code english_g2.pth} are in EasyOCR's model directory; they cannot be had on the
 * build machine, so elsewhere it is skipped with a message.
 */
class EasyOcrGoldenTest {
  /** Scripts english_g2 cannot read, and pages too large for a unit test's time. */
  private static final Set<String> SKIPPED = Set.of("scene/easyocr_chinese.jpg", "scene/easyocr_japanese.jpg",
      "scene/easyocr_korean.png", "scene/easyocr_thai.jpg", "tesseract_js/chinese.png",
      "tesseract_pages/8071_093.3B.tif", "tesseract_pages/trainingital.tif");

  @Test
  void characterErrorRatePerSubset() throws Exception {
    Path dir = EasyOcrModels.defaultDirectory();
    boolean present = Files.isRegularFile(dir.resolve(EasyOcrModels.DETECTOR_FILE))
        && Files.isRegularFile(dir.resolve(EasyOcrModels.RECOGNIZER_FILE));
    if (!present) {
      System.out.println("EasyOcrGoldenTest skipped: no real EasyOCR weights in " + dir
          + " (put craft_mlt_25k.pth and english_g2.pth there to run it)");
    }
    assumeTrue(present, "real EasyOCR weights absent from " + dir);

    Path root = SharedData.path("fixtures/ocr");
    Map<String, double[]> perSubset = new TreeMap<>();
    Map<String, Double> perFile = new TreeMap<>();
    try (EasyOcrEngine ocr = EasyOcrEngine.open(dir, EasyOcrSettings.defaults())) {
      var rows = Files.readAllLines(root.resolve("manifest.tsv"), StandardCharsets.UTF_8);
      for (String row : rows.subList(1, rows.size())) {
        String[] f = row.split("\t", -1);
        if (SKIPPED.contains(f[0])) {
          continue;
        }
        Picture picture = TestPictures.decode(root.resolve(f[0]));
        String read = ocr.readText(picture).stream().map(TextLine::text).collect(Collectors.joining(" "));
        String truth = f[2].replace("\\n", "\n");
        boolean caseless = f[1].equals("word_crops");
        double cer = cer(normalise(read, caseless), normalise(truth, caseless));
        perFile.put(f[0], cer);
        double[] acc = perSubset.computeIfAbsent(f[1], k -> new double[2]);
        acc[0] += cer;
        acc[1]++;
        System.out.printf("%-45s CER %.3f  read: %s%n", f[0], cer, read.replace('\n', ' '));
      }
    }
    perSubset.forEach((s, a) -> System.out.printf("subset %-16s images %2d  mean CER %.3f%n", s, (int) a[1],
        a[0] / a[1]));
    // clean printed text must read almost perfectly; word crops are the recogniser's home ground
    assertThat(perFile.get("tesseract_pages/phototest.tif")).isLessThan(0.1);
    assertThat(perSubset.get("word_crops")[0] / perSubset.get("word_crops")[1]).isLessThan(0.35);
  }

  private static String normalise(String s, boolean caseless) {
    String t = s.trim().replaceAll("\\s+", " ");
    return caseless ? t.toLowerCase(Locale.ROOT) : t;
  }

  /** Levenshtein distance over code points divided by the truth's length. */
  static double cer(String read, String truth) {
    int[] a = read.codePoints().toArray();
    int[] b = truth.codePoints().toArray();
    int[] prev = new int[b.length + 1];
    int[] cur = new int[b.length + 1];
    for (int j = 0; j <= b.length; j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length; i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length; j++) {
        cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return b.length == 0 ? (a.length == 0 ? 0 : 1) : (double) prev[b.length] / b.length;
  }

  @Test
  void characterErrorRateCountsEdits() {
    assertThat(cer("kitten", "sitting")).isEqualTo(3.0 / 7);
    assertThat(cer("same", "same")).isZero();
  }
}
