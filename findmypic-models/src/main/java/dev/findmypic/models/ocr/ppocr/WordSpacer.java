package dev.findmypic.models.ocr.ppocr;

import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.imgproc.Imgproc;

/**
 * Puts back the spaces between words that PP-OCRv4's Chinese+English recogniser often leaves out
 * ("HelloWorld2024"). Each character's CTC time steps give its position in the crop; between two neighbouring
 * characters a space is inserted when the crop has a run of ink-free columns at least {@code gapRatio} times the
 * text's height (word spaces are about a third of the cap height, letter gaps much less). Ink is the Otsu-binarised
 * minority class, so light-on-dark text works too. Spaces are never put next to CJK characters, which are written
 * without them.
 */
final class WordSpacer {
  /** The default smallest word gap, as a fraction of the text height. */
  static final double DEFAULT_GAP_RATIO = 0.4;
  /** The default smallest word gap, as a multiple of the line's median gap between characters. */
  static final double DEFAULT_MEDIAN_FACTOR = 2.0;

  private final double gapRatio;
  private final double medianFactor;

  WordSpacer() {
    this(DEFAULT_GAP_RATIO, DEFAULT_MEDIAN_FACTOR);
  }

  WordSpacer(double gapRatio, double medianFactor) {
    this.gapRatio = gapRatio;
    this.medianFactor = medianFactor;
  }

  String text(TextRecognizer.Recognized r, Mat crop) {
    CtcDecoder.Decoded d = r.decoded();
    String[] symbols = d.symbols();
    if (symbols.length < 2) {
      return d.text();
    }
    InkProfile ink = InkProfile.of(crop);
    double stepToCrop = (double) r.inputWidth() / d.steps() * crop.cols() / r.resizedWidth();
    int[] gaps = new int[symbols.length];
    for (int i = 1; i < symbols.length; i++) {
      int from = (int) Math.floor(((d.first()[i - 1] + d.last()[i - 1]) / 2.0 + 0.5) * stepToCrop);
      int to = (int) Math.ceil(((d.first()[i] + d.last()[i]) / 2.0 + 0.5) * stepToCrop);
      gaps[i] = ink.longestEmptyRun(from, to);
    }
    int[] sorted = java.util.Arrays.copyOfRange(gaps, 1, gaps.length);
    java.util.Arrays.sort(sorted);
    double median = sorted[sorted.length / 2];
    double minGap = Math.max(2, Math.max(gapRatio * ink.textHeight(), medianFactor * median));
    StringBuilder out = new StringBuilder(d.text().length() + 8).append(symbols[0]);
    for (int i = 1; i < symbols.length; i++) {
      if (spaceable(symbols[i - 1]) && spaceable(symbols[i]) && gaps[i] >= minGap) {
        out.append(' ');
      }
      out.append(symbols[i]);
    }
    return out.toString();
  }

  /** @return true for a non-space symbol of a script that separates words with spaces */
  private static boolean spaceable(String symbol) {
    if (symbol.isBlank()) {
      return false;
    }
    int cp = symbol.codePointAt(0);
    Character.UnicodeScript script = Character.UnicodeScript.of(cp);
    return script != Character.UnicodeScript.HAN && script != Character.UnicodeScript.HIRAGANA
        && script != Character.UnicodeScript.KATAKANA && Character.UnicodeBlock.of(cp)
        != Character.UnicodeBlock.CJK_SYMBOLS_AND_PUNCTUATION && Character.UnicodeBlock.of(cp)
        != Character.UnicodeBlock.HALFWIDTH_AND_FULLWIDTH_FORMS;
  }

  /** Column ink counts of a binarised crop and the height of its text. */
  private record InkProfile(int[] columns, double textHeight, int tolerance) {
    static InkProfile of(Mat crop) {
      Mat gray = new Mat();
      Imgproc.cvtColor(crop, gray, Imgproc.COLOR_BGR2GRAY);
      Mat bin = new Mat();
      Imgproc.threshold(gray, bin, 0, 1, Imgproc.THRESH_BINARY | Imgproc.THRESH_OTSU);
      if (Core.countNonZero(bin) * 2 > bin.total()) {
        Core.subtract(Mat.ones(bin.size(), CvType.CV_8U), bin, bin); // ink is the minority class
      }
      int w = bin.cols();
      int h = bin.rows();
      byte[] px = new byte[w * h];
      bin.get(0, 0, px);
      gray.release();
      bin.release();
      int[] columns = new int[w];
      int[] rows = new int[h];
      for (int y = 0; y < h; y++) {
        for (int x = 0; x < w; x++) {
          int v = px[y * w + x];
          columns[x] += v;
          rows[y] += v;
        }
      }
      double height = textHeight(rows);
      return new InkProfile(columns, height, (int) Math.round(0.05 * height));
    }

    /** @return the span of the rows holding at least 5% of the fullest row's ink: ascenders count, noise not */
    private static double textHeight(int[] rows) {
      int max = java.util.Arrays.stream(rows).max().orElse(0);
      int first = -1;
      int last = -1;
      for (int y = 0; y < rows.length; y++) {
        if (rows[y] > 0 && rows[y] >= 0.05 * max) {
          first = first < 0 ? y : first;
          last = y;
        }
      }
      return first < 0 ? 1 : last - first + 1;
    }

    int longestEmptyRun(int from, int to) {
      int best = 0;
      int run = 0;
      for (int x = Math.max(0, from); x <= Math.min(columns.length - 1, to); x++) {
        run = columns[x] <= tolerance ? run + 1 : 0;
        best = Math.max(best, run);
      }
      return best;
    }
  }
}
