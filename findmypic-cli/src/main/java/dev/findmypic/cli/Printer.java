package dev.findmypic.cli;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonPrimitive;
import com.google.gson.JsonSerializer;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;

/** Prints a command's result as JSON (for scripts) or as aligned text columns (for people). */
final class Printer {
  private static final Gson GSON = new GsonBuilder()
      .disableHtmlEscaping()
      .serializeSpecialFloatingPointValues()
      .registerTypeHierarchyAdapter(Path.class, asString())
      .registerTypeAdapter(LocalDateTime.class, asString())
      .registerTypeAdapter(Duration.class, asString())
      .create();

  private final PrintWriter out;
  private final boolean json;

  Printer(PrintWriter out, boolean json) {
    this.out = out;
    this.json = json;
  }

  private static <T> JsonSerializer<T> asString() {
    return (value, type, context) -> new JsonPrimitive(value.toString());
  }

  /** @return true when printing JSON */
  boolean json() {
    return json;
  }

  /**
   * Prints a value as one JSON document.
   *
   * @param value a record, list or map
   */
  void printJson(Object value) {
    out.println(GSON.toJson(value));
    out.flush();
  }

  /**
   * Prints rows as columns padded to the widest cell, the first row being the header.
   *
   * @param rows the header and the rows, all of equal length
   */
  void printTable(List<List<String>> rows) {
    if (rows.isEmpty()) {
      return;
    }
    int[] widths = new int[rows.get(0).size()];
    for (List<String> row : rows) {
      for (int i = 0; i < row.size(); i++) {
        widths[i] = Math.max(widths[i], row.get(i).length());
      }
    }
    for (List<String> row : rows) {
      StringBuilder line = new StringBuilder();
      for (int i = 0; i < row.size(); i++) {
        String cell = row.get(i);
        line.append(cell);
        if (i < row.size() - 1) {
          line.append(" ".repeat(widths[i] - cell.length() + 2));
        }
      }
      out.println(line.toString().stripTrailing());
    }
    out.flush();
  }

  /**
   * Prints one line of text.
   *
   * @param line the line
   */
  void println(String line) {
    out.println(line);
    out.flush();
  }
}
