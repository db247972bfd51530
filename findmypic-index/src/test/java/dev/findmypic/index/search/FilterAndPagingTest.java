package dev.findmypic.index.search;

import static org.assertj.core.api.Assertions.assertThat;

import dev.findmypic.index.LibraryOptions;
import dev.findmypic.index.PhotoLibrary;
import dev.findmypic.index.testing.FakeClip;
import dev.findmypic.index.testing.FakeDecoder;
import dev.findmypic.index.testing.FakeFaces;
import dev.findmypic.index.testing.FakeOcr;
import dev.findmypic.index.testing.TestPhotos;
import dev.findmypic.index.testing.TestPhotos.Face;
import dev.findmypic.index.text.FtsQuery;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** Random filters against a brute-force answer worked out from how the photos were made. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FilterAndPagingTest {
  private static final String[] FOLDERS = {"a", "a/x", "a/x/y", "b", "b/z"};

  record Made(Path path, String folder, LocalDateTime taken, String format, boolean hasWord, boolean hasFace) {}

  Path tmp;
  PhotoLibrary library;
  final FakeDecoder decoder = new FakeDecoder();
  final List<Made> made = new ArrayList<>();
  Path faceReference;

  @BeforeAll
  void index(@TempDir Path dir) {
    tmp = dir;
    Random random = new Random(42);
    FakeOcr ocr = new FakeOcr();
    for (int i = 0; i < 90; i++) {
      String folder = FOLDERS[random.nextInt(FOLDERS.length)];
      LocalDate date = random.nextInt(4) == 0 ? null : LocalDate.of(2015 + random.nextInt(8), 1 + random.nextInt(12), 1);
      String format = random.nextBoolean() ? "png" : "gif";
      String name = (date == null ? "" : date + "_") + "p" + i + "." + format;
      boolean word = random.nextInt(3) == 0;
      boolean face = random.nextInt(3) == 0;
      int marker = 0x10000 + i;
      if (word) {
        ocr.teach(marker, "the common word", "line " + i);
      }
      Path path = TestPhotos.write(tmp.resolve(folder).resolve(name), random.nextInt(0x1000000), marker,
          face ? new Face[] {new Face(7, 10, 10, 6 + random.nextInt(10))} : new Face[0]);
      made.add(new Made(path, folder, date == null ? null : date.atTime(12, 0), format, word, face));
    }
    faceReference = TestPhotos.write(tmp.resolve("ref/face.png"), 0x123456, 1, new Face(7, 5, 5, 12));
    library = PhotoLibrary.open(tmp.resolve("data"), LibraryOptions.builder().decoder(decoder).clip(new FakeClip())
        .faces(new FakeFaces()).ocr(ocr).build());
    library.addRoot(tmp.resolve("a"));
    library.addRoot(tmp.resolve("b"));
    assertThat(library.index(p -> { }).added()).isEqualTo(90);
  }

  @AfterAll
  void close() {
    library.close();
  }

  private SearchFilter randomFilter(Random random, List<String> folders) {
    SearchFilter.Builder b = SearchFilter.builder();
    int nFolders = random.nextInt(3);
    for (int i = 0; i < nFolders; i++) {
      String folder = FOLDERS[random.nextInt(FOLDERS.length)];
      folders.add(folder);
      b.folder(tmp.resolve(folder));
    }
    if (random.nextBoolean()) {
      LocalDateTime from = LocalDate.of(2015 + random.nextInt(8), 1, 1).atStartOfDay();
      b.taken(from, from.plusYears(1 + random.nextInt(4)));
    }
    if (random.nextInt(3) == 0) {
      b.format(random.nextBoolean() ? "png" : "gif");
    }
    return b.build();
  }

  private static boolean passes(Made m, SearchFilter f, List<String> folders) {
    boolean folder = folders.isEmpty() || folders.stream().anyMatch(x -> m.folder().equals(x)
        || m.folder().startsWith(x + "/"));
    boolean date = f.takenFrom() == null || (m.taken() != null && !m.taken().isBefore(f.takenFrom())
        && m.taken().isBefore(f.takenBefore()));
    boolean format = f.formats().isEmpty() || f.formats().contains(m.format());
    return folder && date && format;
  }

  private List<Path> allPages(Function<SearchRequest, SearchPage> query, SearchRequest first) {
    List<Path> seen = new ArrayList<>();
    SearchPage page = query.apply(first);
    int total = page.total();
    while (!page.hits().isEmpty()) {
      page.hits().forEach(h -> seen.add(h.path()));
      page = query.apply(first.withOffset(first.offset() + seen.size()));
    }
    assertThat(seen).hasSize(total).doesNotHaveDuplicates();
    return seen;
  }

  @Test
  void filtersNeverLeakAndNeverHideAndPagesCoverEachResultOnce() {
    Random random = new Random(5);
    Path someone = made.get(0).path();
    for (int round = 0; round < 25; round++) {
      List<String> folders = new ArrayList<>();
      SearchFilter filter = randomFilter(random, folders);
      Set<Path> passing = new HashSet<>();
      made.stream().filter(m -> passes(m, filter, folders)).forEach(m -> passing.add(m.path()));
      SortOrder sort = SortOrder.values()[round % 3];
      SearchRequest first = new SearchRequest(filter, sort, 0, 7);
      String context = "filter " + filter + " folders " + folders;

      List<Path> text = allPages(r -> library.searchText("red", r), first);
      assertThat(new HashSet<>(text)).as(context).isEqualTo(passing);

      List<Path> similar = allPages(r -> library.findSimilar(someone, false, r), first);
      Set<Path> expectedSimilar = new HashSet<>(passing);
      expectedSimilar.remove(someone);
      assertThat(new HashSet<>(similar)).as(context).isEqualTo(expectedSimilar);

      List<Path> words = allPages(r -> library.searchWords("common", FtsQuery.Mode.ALL_WORDS, r), first);
      assertThat(new HashSet<>(words)).as(context).isEqualTo(made.stream()
          .filter(m -> m.hasWord() && passing.contains(m.path())).map(Made::path).collect(java.util.stream.Collectors.toSet()));

      List<Path> faces = allPages(r -> library.findPerson(
          List.of(FaceReference.largestFace(decoder.decode(faceReference, 0).picture())), r), first);
      assertThat(new HashSet<>(faces)).as(context).isEqualTo(made.stream()
          .filter(m -> m.hasFace() && passing.contains(m.path())).map(Made::path).collect(java.util.stream.Collectors.toSet()));

      if (sort == SortOrder.RELEVANCE) {
        List<Path> whole = library.searchText("red", new SearchRequest(filter, sort, 0, 1000)).hits().stream()
            .map(PhotoHit::path).toList();
        assertThat(text).as("pages in the same order as one big page").isEqualTo(whole);
      }
    }
  }
}
