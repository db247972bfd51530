package dev.findmypic.cli;

import dev.findmypic.index.IndexProgress;
import dev.findmypic.index.ProgressListener;
import java.io.PrintWriter;
import java.util.Locale;

/** Draws indexing progress on one terminal line: a bar, files done, rate and time left. */
final class ProgressBar implements ProgressListener {
  private static final int WIDTH = 30;
  private static final long REDRAW_NANOS = 200_000_000L;

  private final PrintWriter err;
  private long lastDraw;
  private boolean drawn;

  ProgressBar(PrintWriter err) {
    this.err = err;
  }

  @Override
  public void onProgress(IndexProgress p) {
    long now = System.nanoTime();
    boolean finished = p.filesTotal() > 0 && p.filesDone() >= p.filesTotal();
    if (!finished && drawn && now - lastDraw < REDRAW_NANOS) {
      return;
    }
    lastDraw = now;
    drawn = true;
    err.print("\r" + line(p));
    err.flush();
  }

  /** Ends the progress line so that what follows starts on a fresh line. */
  void finish() {
    if (drawn) {
      err.println();
      err.flush();
    }
  }

  static String line(IndexProgress p) {
    double fraction = p.filesTotal() > 0 ? Math.min(1, (double) p.filesDone() / p.filesTotal()) : 0;
    int filled = (int) Math.round(fraction * WIDTH);
    String eta = p.eta() == null ? "--:--" : String.format(Locale.ROOT, "%d:%02d", p.eta().toMinutes(),
        p.eta().toSecondsPart());
    return String.format(Locale.ROOT, "[%s%s] %d/%d files  %.1f/s  ETA %s  %s",
        "#".repeat(filled), " ".repeat(WIDTH - filled), p.filesDone(), p.filesTotal(), p.filesPerSecond(), eta,
        p.stage().name().toLowerCase(Locale.ROOT));
  }
}
