package dev.findmypic.cli;

import dev.findmypic.core.BoundingBox;
import dev.findmypic.core.Point;
import dev.findmypic.core.TextLine;
import dev.findmypic.index.search.PhotoHit;
import dev.findmypic.index.search.SearchPage;
import dev.findmypic.index.search.Signal;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** Prints a page of photo results as a table, as JSON, and optionally as an HTML contact sheet. */
final class HitPrinter {
  private HitPrinter() {}

  /**
   * Prints the page.
   *
   * @param printer where and how
   * @param page the results
   * @param html where to write a contact sheet, or null
   * @param title what was searched, for the contact sheet's heading
   */
  static void print(Printer printer, SearchPage page, Path html, String title) {
    if (html != null) {
      writeHtml(page, html, title);
    }
    if (printer.json()) {
      printer.printJson(page);
      return;
    }
    if (page.hits().isEmpty()) {
      printer.println("no photos found");
      return;
    }
    List<List<String>> rows = new ArrayList<>();
    rows.add(List.of("#", "score", "matched", "photo"));
    int rank = page.offset();
    for (PhotoHit hit : page.hits()) {
      rows.add(List.of(String.valueOf(++rank), String.format(Locale.ROOT, "%.3f", hit.score()), signals(hit),
          hit.path().toString()));
    }
    printer.printTable(rows);
    printer.println(String.format(Locale.ROOT, "%d-%d of %d", page.offset() + 1, rank, page.total())
        + (html != null ? "; contact sheet: " + html : ""));
  }

  private static String signals(PhotoHit hit) {
    return hit.signals().keySet().stream().map(Signal::name).map(s -> s.toLowerCase(Locale.ROOT))
        .collect(Collectors.joining(","));
  }

  /** Writes a page of thumbnails with scores; the matched faces and text lines are drawn over each photo. */
  static void writeHtml(SearchPage page, Path file, String title) {
    StringBuilder h = new StringBuilder();
    h.append("<!doctype html>\n<html><head><meta charset=\"utf-8\"><title>FindMyPic: ").append(escape(title))
        .append("</title>\n<style>body{font-family:sans-serif;margin:16px}.grid{display:flex;flex-wrap:wrap;gap:12px}"
            + "figure{margin:0;width:240px}.frame{position:relative}.frame img{width:240px;display:block}"
            + ".box{position:absolute;border:2px solid #f50;box-sizing:border-box}.box.text{border-color:#07f}"
            + "figcaption{font-size:12px;word-break:break-all}</style></head><body>\n<h1>")
        .append(escape(title)).append("</h1>\n<div class=\"grid\">\n");
    for (PhotoHit hit : page.hits()) {
      h.append("<figure><div class=\"frame\"><img src=\"").append(escape(hit.path().toUri().toString()))
          .append("\" alt=\"\" onload=\"place(this)\">");
      for (BoundingBox b : hit.faces()) {
        h.append(box("face", b.x(), b.y(), b.width(), b.height()));
      }
      for (TextLine line : hit.lines()) {
        float x1 = Float.MAX_VALUE;
        float y1 = Float.MAX_VALUE;
        float x2 = -Float.MAX_VALUE;
        float y2 = -Float.MAX_VALUE;
        for (Point p : line.polygon()) {
          x1 = Math.min(x1, p.x());
          y1 = Math.min(y1, p.y());
          x2 = Math.max(x2, p.x());
          y2 = Math.max(y2, p.y());
        }
        if (!line.polygon().isEmpty()) {
          h.append(box("text", x1, y1, x2 - x1, y2 - y1));
        }
      }
      h.append("</div><figcaption>").append(String.format(Locale.ROOT, "%.3f", hit.score())).append(" · ")
          .append(escape(signals(hit))).append("<br>").append(escape(hit.path().toString()))
          .append("</figcaption></figure>\n");
    }
    h.append("</div>\n<script>function place(img){var s=img.clientWidth/img.naturalWidth;"
        + "img.parentNode.querySelectorAll('.box').forEach(function(b){['left','top','width','height']"
        + ".forEach(function(k){b.style[k]=(b.dataset[k]*s)+'px';});});}</script>\n</body></html>\n");
    try {
      Files.writeString(file, h);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the contact sheet " + file + ": " + e.getMessage(), e);
    }
  }

  private static String box(String kind, float x, float y, float w, float h) {
    return String.format(Locale.ROOT,
        "<div class=\"box %s\" data-left=\"%.1f\" data-top=\"%.1f\" data-width=\"%.1f\" data-height=\"%.1f\"></div>",
        kind, x, y, w, h);
  }

  private static String escape(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }
}
