package dev.findmypic.models.ocr;

import dev.findmypic.core.OcrEngine;
import dev.findmypic.core.OcrResult;
import dev.findmypic.core.PhotoDecoder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/** Runs an engine over manifest rows and averages CER and word recall per subset. */
public final class OcrEvaluation {
  /**
   * One image's outcome.
   *
   * @param truth the manifest row
   * @param output the engine's text
   * @param millis the time {@code read} took
   */
  public record Outcome(OcrGroundTruth truth, String output, double millis) {
    /** @return the CER, or NaN for an empty reference */
    public double cer() {
      return truth.transcript().isBlank() ? Double.NaN : OcrScore.cer(truth.transcript(), output);
    }

    /** @return the word recall, or NaN for an empty reference */
    public double wordRecall() {
      return truth.transcript().isBlank() ? Double.NaN : OcrScore.wordRecall(truth.transcript(), output);
    }
  }

  /**
   * Mean scores of a subset.
   *
   * @param images images scored (those with a transcript)
   * @param cer mean CER
   * @param wordRecall mean word recall
   */
  public record SubsetScore(int images, double cer, double wordRecall) {}

  private OcrEvaluation() {}

  /** @return the outcome of every selected row */
  public static List<Outcome> run(OcrEngine engine, PhotoDecoder decoder, Predicate<OcrGroundTruth> select) {
    List<Outcome> out = new ArrayList<>();
    for (OcrGroundTruth row : OcrGroundTruth.all()) {
      if (select.test(row)) {
        var picture = decoder.decode(row.file(), 0).picture();
        long t = System.nanoTime();
        OcrResult result = engine.read(picture);
        out.add(new Outcome(row, result.text(), (System.nanoTime() - t) / 1e6));
      }
    }
    return out;
  }

  /** @return the mean scores per subset, in manifest order */
  public static Map<String, SubsetScore> bySubset(List<Outcome> outcomes) {
    Map<String, List<Outcome>> groups = new LinkedHashMap<>();
    for (Outcome o : outcomes) {
      if (!o.truth().transcript().isBlank()) {
        groups.computeIfAbsent(o.truth().subset(), k -> new ArrayList<>()).add(o);
      }
    }
    Map<String, SubsetScore> scores = new LinkedHashMap<>();
    groups.forEach((subset, list) -> scores.put(subset, new SubsetScore(list.size(),
        list.stream().mapToDouble(Outcome::cer).average().orElseThrow(),
        list.stream().mapToDouble(Outcome::wordRecall).average().orElseThrow())));
    return scores;
  }
}
