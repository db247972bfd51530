package dev.findmypic.index.people;

import dev.findmypic.core.PhotoDecoder;
import dev.findmypic.core.QueryException;
import dev.findmypic.core.testing.SharedData;
import dev.findmypic.index.PhotoLibrary;
import dev.findmypic.index.pipeline.Analysers;
import dev.findmypic.index.search.FaceReference;
import dev.findmypic.index.search.PhotoHit;
import dev.findmypic.index.search.SearchPage;
import dev.findmypic.index.search.SearchRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The labelled photos of {@code shared/fixtures/faces} and the two end-to-end evaluations over a library that has
 * indexed them: person search ({@link PhotoLibrary#findPerson}) and gallery identification
 * ({@link FaceGallery#identify(Path)}), each with every identity's first photo as its reference.
 */
final class FixtureFaces {
  /** One row of {@code labels.csv}. */
  record Labelled(Path photo, String name, int faceCount, List<String> identities) {}

  /** Per-identity counts, over photos. */
  record Row(String identity, String query, int relevant, int returned, int correct) {
    double precision() {
      return returned == 0 ? 0 : (double) correct / returned;
    }

    double recall() {
      return (double) correct / relevant;
    }
  }

  /** A per-identity table with its micro and macro averages. */
  record Table(List<Row> rows) {
    double microPrecision() {
      int returned = rows.stream().mapToInt(Row::returned).sum();
      return returned == 0 ? 0 : (double) rows.stream().mapToInt(Row::correct).sum() / returned;
    }

    double microRecall() {
      return (double) rows.stream().mapToInt(Row::correct).sum() / rows.stream().mapToInt(Row::relevant).sum();
    }

    double macroPrecision() {
      return rows.stream().mapToDouble(Row::precision).average().orElse(0);
    }

    double macroRecall() {
      return rows.stream().mapToDouble(Row::recall).average().orElse(0);
    }

    /** @return the table in Markdown, with the averages as its last two rows */
    String markdown() {
      StringBuilder out = new StringBuilder(
          "| identity | query photo | relevant | returned | correct | precision | recall |\n|---|---|---|---|---|---|---|\n");
      for (Row r : rows) {
        out.append(String.format(Locale.ROOT, "| %s | %s | %d | %d | %d | %s | %.2f |%n", r.identity(), r.query(),
            r.relevant(), r.returned(), r.correct(), r.returned() == 0 ? "-" : String.format(Locale.ROOT, "%.2f",
                r.precision()), r.recall()));
      }
      out.append(String.format(Locale.ROOT, "| **micro** | | %d | %d | %d | %.3f | %.3f |%n",
          rows.stream().mapToInt(Row::relevant).sum(), rows.stream().mapToInt(Row::returned).sum(),
          rows.stream().mapToInt(Row::correct).sum(), microPrecision(), microRecall()));
      out.append(String.format(Locale.ROOT, "| **macro** (%d identities) | | | | | %.3f | %.3f |%n", rows.size(),
          macroPrecision(), macroRecall()));
      return out.toString();
    }
  }

  /**
   * What the gallery made of the faces of photos nobody was enrolled from.
   *
   * @param table per identity, over photos: a photo is returned when one of its faces is identified as the identity
   * @param soloPhotos photos labelled with one enrolled person and one face
   * @param soloCorrect of those, photos whose largest face was identified as that person
   * @param soloWrong of those, photos whose largest face was identified as someone else
   * @param strangerFaces faces found in photos that name nobody (expressions, Friends, animals)
   * @param strangersNamed of those, faces identified as an enrolled person
   */
  record GalleryResult(Table table, int soloPhotos, int soloCorrect, int soloWrong, int strangerFaces,
      int strangersNamed) {
    String summary() {
      return String.format(Locale.ROOT, "single-person photos: %d, largest face identified correctly %d (%.3f), as "
          + "someone else %d, unknown %d; faces in photos that name nobody: %d, identified as an enrolled person %d",
          soloPhotos, soloCorrect, (double) soloCorrect / soloPhotos, soloWrong, soloPhotos - soloCorrect - soloWrong,
          strangerFaces, strangersNamed);
    }
  }

  private FixtureFaces() {}

  /** @return the fixture folder, which the tests index in place */
  static Path root() {
    return SharedData.path("fixtures/faces").toAbsolutePath().normalize();
  }

  /** @return every row of {@code labels.csv}, in order */
  static List<Labelled> labels() {
    Path root = root();
    try {
      List<String> lines = Files.readAllLines(SharedData.path("fixtures/faces/labels.csv"));
      List<Labelled> out = new ArrayList<>();
      for (String line : lines.subList(1, lines.size())) {
        String[] cells = line.split(",", 4);
        out.add(new Labelled(root.resolve(cells[0]), cells[0], Integer.parseInt(cells[1]),
            cells[2].isBlank() ? List.of() : List.of(cells[2].split(";"))));
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Each identity's first photo that shows that identity alone, in {@code labels.csv} order.
   *
   * @param labels the labels
   * @return identity → its first photo
   */
  static Map<String, Labelled> firstPhotos(List<Labelled> labels) {
    Map<String, Labelled> first = new LinkedHashMap<>();
    for (Labelled l : labels) {
      if (l.identities().size() == 1) {
        first.putIfAbsent(l.identities().get(0), l);
      }
    }
    return first;
  }

  /**
   * Person search with each identity's first photo as the only reference (its largest face); identities without
   * another photo are left out. The query photo itself is not counted.
   *
   * @param library a library that indexed {@link #root()}
   * @param decoder the decoder that makes the reference pictures
   * @return the table
   */
  static Table personSearch(PhotoLibrary library, PhotoDecoder decoder) {
    List<Labelled> labels = labels();
    List<Row> rows = new ArrayList<>();
    for (Map.Entry<String, Labelled> q : firstPhotos(labels).entrySet()) {
      String identity = q.getKey();
      Path query = q.getValue().photo();
      Set<Path> relevant = photosOf(labels, identity, Set.of(query));
      if (relevant.isEmpty()) {
        continue;
      }
      Set<Path> returned = new HashSet<>();
      try {
        SearchPage page = library.findPerson(List.of(FaceReference.largestFace(
            decoder.decode(query, Analysers.FACES_SHORT_SIDE).picture())), SearchRequest.firstPage(1_000));
        for (PhotoHit hit : page.hits()) {
          if (!hit.path().equals(query)) {
            returned.add(hit.path());
          }
        }
      } catch (QueryException noFaceInTheQuery) {
        // nothing returned: the row shows recall 0
      }
      rows.add(row(identity, q.getValue().name(), relevant, returned));
    }
    return new Table(rows);
  }

  /**
   * Enrols every identity from its first photo (the largest face the library found in it), then identifies every
   * face of every other photo.
   *
   * @param library a library that indexed {@link #root()}
   * @return the result
   */
  static GalleryResult gallery(PhotoLibrary library) {
    List<Labelled> labels = labels();
    FaceGallery people = library.people().orElseThrow();
    Map<String, Labelled> first = firstPhotos(labels);
    Set<Path> enrolledFrom = new HashSet<>();
    for (Map.Entry<String, Labelled> e : first.entrySet()) {
      try {
        people.enroll(e.getKey(), e.getValue().photo(), null);
        enrolledFrom.add(e.getValue().photo());
      } catch (QueryException noFace) {
        // this identity cannot be enrolled: its photos count as misses below
      }
    }
    Map<Path, List<IdentifiedFace>> identified = new LinkedHashMap<>();
    for (Labelled l : labels) {
      if (!enrolledFrom.contains(l.photo())) {
        identified.put(l.photo(), people.identify(l.photo()));
      }
    }
    List<Row> rows = new ArrayList<>();
    for (Map.Entry<String, Labelled> q : first.entrySet()) {
      String identity = q.getKey();
      Set<Path> relevant = photosOf(labels, identity, enrolledFrom);
      if (relevant.isEmpty()) {
        continue;
      }
      Set<Path> returned = new HashSet<>();
      identified.forEach((photo, faces) -> {
        if (faces.stream().anyMatch(f -> f.identification().person().filter(identity::equals).isPresent())) {
          returned.add(photo);
        }
      });
      rows.add(row(identity, q.getValue().name(), relevant, returned));
    }
    int solo = 0;
    int soloCorrect = 0;
    int soloWrong = 0;
    int strangers = 0;
    int strangersNamed = 0;
    for (Labelled l : labels) {
      List<IdentifiedFace> faces = identified.get(l.photo());
      if (faces == null) {
        continue;
      }
      if (l.identities().isEmpty()) {
        strangers += faces.size();
        strangersNamed += (int) faces.stream().filter(f -> f.identification().isKnown()).count();
      } else if (l.identities().size() == 1 && l.faceCount() == 1 && first.containsKey(l.identities().get(0))) {
        solo++;
        IdentifiedFace largest = faces.stream().max((a, b) -> Float.compare(a.box().area(), b.box().area()))
            .orElse(null);
        if (largest != null && largest.identification().isKnown()) {
          boolean right = largest.identification().person().get().equals(l.identities().get(0));
          soloCorrect += right ? 1 : 0;
          soloWrong += right ? 0 : 1;
        }
      }
    }
    return new GalleryResult(new Table(rows), solo, soloCorrect, soloWrong, strangers, strangersNamed);
  }

  private static Set<Path> photosOf(List<Labelled> labels, String identity, Set<Path> except) {
    Set<Path> out = new HashSet<>();
    for (Labelled l : labels) {
      if (l.identities().contains(identity) && !except.contains(l.photo())) {
        out.add(l.photo());
      }
    }
    return out;
  }

  private static Row row(String identity, String query, Set<Path> relevant, Set<Path> returned) {
    int correct = (int) returned.stream().filter(relevant::contains).count();
    return new Row(identity, query, relevant.size(), returned.size(), correct);
  }
}
