package dev.findmypic.index.docs;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The CISI test collection in its standard SMART format: {@code CISI.ALL} (records of {@code .I} id, {@code .T}
 * title, {@code .A} authors, {@code .W} abstract, {@code .X} citations), {@code CISI.QRY} (the same fields) and
 * {@code CISI.REL} (lines of query id, document id, 0, 0.0).
 *
 * @param documents document id to its title and abstract, in file order
 * @param queries query id to its text, in file order
 * @param relevant query id to its relevant document ids, for the queries that have judgements
 */
record CisiCollection(Map<String, String> documents, Map<String, String> queries, Map<String, Set<String>> relevant) {

  static CisiCollection read(Path directory) throws IOException {
    Map<String, String> documents = new LinkedHashMap<>();
    parseRecords(directory.resolve("CISI.ALL")).forEach((id, fields) ->
        documents.put(id, (fields.getOrDefault("T", "") + "\n" + fields.getOrDefault("W", "")).strip()));
    Map<String, String> queries = new LinkedHashMap<>();
    parseRecords(directory.resolve("CISI.QRY")).forEach((id, fields) ->
        queries.put(id, (fields.getOrDefault("T", "") + "\n" + fields.getOrDefault("W", "")).strip()));
    Map<String, Set<String>> relevant = new HashMap<>();
    for (String line : Files.readAllLines(directory.resolve("CISI.REL"), StandardCharsets.ISO_8859_1)) {
      String[] parts = line.trim().split("\\s+");
      if (parts.length >= 2) {
        relevant.computeIfAbsent(parts[0], q -> new HashSet<>()).add(parts[1]);
      }
    }
    return new CisiCollection(documents, queries, relevant);
  }

  /** Splits a SMART file into records (by {@code .I}) and each record into its fields (by {@code .X} markers). */
  private static Map<String, Map<String, String>> parseRecords(Path file) throws IOException {
    Map<String, Map<String, String>> records = new LinkedHashMap<>();
    Map<String, String> current = null;
    String field = null;
    StringBuilder text = new StringBuilder();
    for (String line : Files.readAllLines(file, StandardCharsets.ISO_8859_1)) {
      if (line.startsWith(".I ")) {
        flush(current, field, text);
        current = new HashMap<>();
        records.put(line.substring(3).trim(), current);
        field = null;
      } else if (line.length() >= 2 && line.charAt(0) == '.' && List.of("T", "A", "W", "X", "B")
          .contains(line.substring(1).trim())) {
        flush(current, field, text);
        field = line.substring(1).trim();
      } else if (field != null) {
        text.append(line).append('\n');
      }
    }
    flush(current, field, text);
    return records;
  }

  private static void flush(Map<String, String> record, String field, StringBuilder text) {
    if (record != null && field != null) {
      record.merge(field, text.toString().strip(), (a, b) -> a + "\n" + b);
    }
    text.setLength(0);
  }
}
