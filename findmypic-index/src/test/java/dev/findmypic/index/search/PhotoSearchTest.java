package dev.findmypic.index.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.findmypic.core.BoundingBox;
import dev.findmypic.core.Picture;
import dev.findmypic.core.QueryException;
import dev.findmypic.core.TextLine;
import dev.findmypic.index.LibraryOptions;
import dev.findmypic.index.PhotoLibrary;
import dev.findmypic.index.testing.FakeClip;
import dev.findmypic.index.testing.FakeDecoder;
import dev.findmypic.index.testing.FakeFaces;
import dev.findmypic.index.testing.FakeOcr;
import dev.findmypic.index.testing.FakeTextEmbedder;
import dev.findmypic.index.testing.TestPhotos;
import dev.findmypic.index.testing.TestPhotos.Face;
import dev.findmypic.index.text.FtsQuery;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PhotoSearchTest {
  Path tmp;
  PhotoLibrary library;
  FakeDecoder decoder = new FakeDecoder();
  FakeOcr ocr = new FakeOcr();
  Path red;
  Path green;
  Path blue;
  Path receipt;
  Path pinkish;

  @BeforeAll
  void index(@TempDir Path dir) {
    tmp = dir;
    red = TestPhotos.write(tmp.resolve("a/2021-05-01_red car.png"), 0xff0000, 1, new Face(3, 2, 2, 14));
    green = TestPhotos.write(tmp.resolve("a/2020-07-10_shop.png"), 0x00ff00, 2);
    blue = TestPhotos.write(tmp.resolve("a/sub/2019-01-01_sea.png"), 0x0000ff, 3,
        new Face(3, 2, 2, 8), new Face(5, 30, 20, 8));
    receipt = TestPhotos.write(tmp.resolve("b/2022-03-03_scan.png"), 0x808080, 4);
    pinkish = TestPhotos.write(tmp.resolve("b/pinkish.png"), 0xff2828, 5, new Face(5, 20, 20, 10));
    ocr.teach(2, "TOTAL 12.50", "Thank you for shopping at Tesco");
    ocr.teach(4, "Tesco receipt", "VAT 20%");
    library = PhotoLibrary.open(tmp.resolve("data"), LibraryOptions.builder().decoder(decoder).clip(new FakeClip())
        .textEmbedder(new FakeTextEmbedder()).faces(new FakeFaces()).ocr(ocr).build());
    library.addRoot(tmp.resolve("a"));
    library.addRoot(tmp.resolve("b"));
    assertThat(library.index(p -> { }).failures()).isEmpty();
  }

  @AfterAll
  void close() {
    library.close();
  }

  private static List<Path> paths(SearchPage page) {
    return page.hits().stream().map(PhotoHit::path).toList();
  }

  private Picture picture(Path file) {
    return decoder.decode(file, 0).picture();
  }

  @Test
  void textFindsByLookAndExplainsTheSignals() {
    SearchPage page = library.searchText("red", SearchRequest.firstPage(10));
    PhotoHit first = page.hits().get(0);
    assertThat(first.path()).isEqualTo(red);
    assertThat(first.signals()).containsOnlyKeys(Signal.VISUAL, Signal.FILE_NAME, Signal.TEXT_MEANING);
    assertThat(first.signals().get(Signal.VISUAL).rank()).isEqualTo(1);
    assertThat(first.signals().get(Signal.FILE_NAME).rank()).isEqualTo(1);
    assertThat(paths(page).get(1)).as("the other red photo, by look only").isEqualTo(pinkish);
    assertThat(page.hits().get(1).signals()).containsOnlyKeys(Signal.VISUAL);
    assertThat(page.hits()).allSatisfy(h -> assertThat(h.score()).isBetween(0.0, 1.0));
    assertThat(page.total()).isEqualTo(5);
  }

  @Test
  void textFindsWordsInPhotosAndReturnsTheLines() {
    SearchPage page = library.searchText("tesco", SearchRequest.firstPage(10));
    assertThat(paths(page).subList(0, 2)).containsExactlyInAnyOrder(green, receipt);
    PhotoHit shop = page.hits().stream().filter(h -> h.path().equals(green)).findFirst().orElseThrow();
    assertThat(shop.signals()).containsKey(Signal.OCR_TEXT);
    assertThat(shop.lines()).extracting(TextLine::text).containsExactly("Thank you for shopping at Tesco");
    assertThat(shop.lines().get(0).polygon()).hasSize(4);
  }

  @Test
  void withoutClipTextRanksByWhatExists() {
    try (PhotoLibrary noClip = PhotoLibrary.open(tmp.resolve("data"), LibraryOptions.builder().decoder(decoder)
        .textEmbedder(new FakeTextEmbedder()).ocr(ocr).build())) {
      SearchPage page = noClip.searchText("tesco receipt", SearchRequest.firstPage(10));
      assertThat(paths(page).get(0)).isEqualTo(receipt);
      assertThat(page.hits()).allSatisfy(h -> assertThat(h.signals()).doesNotContainKey(Signal.VISUAL));
      assertThatThrownBy(() -> noClip.findSimilar(red, false, SearchRequest.firstPage(5)))
          .isInstanceOf(QueryException.class).hasMessageContaining("no CLIP embedder");
      assertThatThrownBy(() -> noClip.findPerson(List.of(FaceReference.largestFace(picture(red))),
          SearchRequest.firstPage(5))).isInstanceOf(QueryException.class).hasMessageContaining("no face recogniser");
    }
  }

  @Test
  void similarPhotosLeaveOutTheQueryAndOptionallyItsNearDuplicates() {
    SearchPage all = library.findSimilar(red, false, SearchRequest.firstPage(10));
    assertThat(paths(all)).doesNotContain(red).startsWith(pinkish).hasSize(4);
    assertThat(all.hits().get(0).score()).isGreaterThanOrEqualTo(PhotoSearch.NEAR_DUPLICATE);
    SearchPage distinct = library.findSimilar(red, true, SearchRequest.firstPage(10));
    assertThat(paths(distinct)).doesNotContain(red, pinkish).hasSize(3);
    SearchPage byPicture = library.findSimilar(picture(blue), true, SearchRequest.firstPage(10));
    assertThat(paths(byPicture)).doesNotContain(blue);
  }

  @Test
  void personSearchGroupsByPhotoThresholdsAndCombinesReferences() {
    SearchPage three = library.findPerson(List.of(FaceReference.largestFace(picture(red))), SearchRequest.firstPage(10));
    assertThat(paths(three)).containsExactlyInAnyOrder(red, blue);
    PhotoHit inBlue = three.hits().stream().filter(h -> h.path().equals(blue)).findFirst().orElseThrow();
    assertThat(inBlue.faces()).containsExactly(new BoundingBox(2, 2, 8, 8));
    assertThat(three.hits()).allSatisfy(h -> assertThat(h.score()).isGreaterThanOrEqualTo(0.5));

    BoundingBox aroundFive = new BoundingBox(28, 18, 12, 12);
    SearchPage five = library.findPerson(List.of(new FaceReference(picture(blue), aroundFive)),
        SearchRequest.firstPage(10));
    assertThat(paths(five)).containsExactlyInAnyOrder(blue, pinkish);

    SearchPage both = library.findPerson(List.of(FaceReference.largestFace(picture(red)),
        FaceReference.largestFace(picture(pinkish))), SearchRequest.firstPage(10));
    assertThat(paths(both)).containsExactlyInAnyOrder(red, blue, pinkish);
    assertThat(both.hits().stream().filter(h -> h.path().equals(blue)).findFirst().orElseThrow().faces()).hasSize(2);

    assertThatThrownBy(() -> library.findPerson(List.of(FaceReference.largestFace(picture(green))),
        SearchRequest.firstPage(5))).isInstanceOf(QueryException.class).hasMessageContaining("no face");
  }

  @Test
  void wordsInPhotosWithPhrasesAndPrefixes() {
    SearchRequest first = SearchRequest.firstPage(10);
    assertThat(paths(library.searchWords("thank you", FtsQuery.Mode.PHRASE, first))).containsExactly(green);
    assertThat(paths(library.searchWords("you thank", FtsQuery.Mode.PHRASE, first))).isEmpty();
    assertThat(paths(library.searchWords("tes", FtsQuery.Mode.PREFIX, first))).containsExactlyInAnyOrder(green,
        receipt);
    assertThat(paths(library.searchWords("tes", FtsQuery.Mode.ALL_WORDS, first))).isEmpty();
    assertThat(paths(library.searchWords("tesco receipt", FtsQuery.Mode.ALL_WORDS, first))).containsExactly(receipt);
    assertThat(paths(library.searchWords("red", FtsQuery.Mode.ALL_WORDS, first))).as("file names are not words in photos")
        .isEmpty();
    PhotoHit hit = library.searchWords("rece", FtsQuery.Mode.PREFIX, first).hits().get(0);
    assertThat(hit.lines()).extracting(TextLine::text).containsExactly("Tesco receipt");
    assertThat(hit.score()).isBetween(0.0, 1.0);
  }

  @Test
  void filtersByFolderDateFormatAndScore() {
    SearchRequest first = SearchRequest.firstPage(10);
    SearchFilter sub = SearchFilter.builder().folder(tmp.resolve("a/sub")).build();
    assertThat(paths(library.searchText("red", first.withFilter(sub)))).containsExactly(blue);
    SearchFilter rootB = SearchFilter.builder().folder(tmp.resolve("b")).build();
    assertThat(paths(library.findSimilar(red, false, first.withFilter(rootB)))).containsExactlyInAnyOrder(pinkish,
        receipt);
    SearchFilter twenties = SearchFilter.builder()
        .taken(java.time.LocalDateTime.of(2020, 1, 1, 0, 0), java.time.LocalDateTime.of(2022, 1, 1, 0, 0)).build();
    assertThat(paths(library.searchText("red", first.withFilter(twenties)))).containsExactlyInAnyOrder(red, green);
    SearchFilter gif = SearchFilter.builder().format("GIF").build();
    assertThat(library.searchText("red", first.withFilter(gif)).hits()).isEmpty();
    SearchFilter strict = SearchFilter.builder().minScore(0.6).build();
    assertThat(library.searchText("red", first.withFilter(strict)).hits())
        .allSatisfy(h -> assertThat(h.score()).isGreaterThanOrEqualTo(0.6)).isNotEmpty();
    assertThat(paths(library.findPerson(List.of(FaceReference.largestFace(picture(red))),
        first.withFilter(sub)))).containsExactly(blue);
  }

  @Test
  void sortsByDateWithUndatedPhotosLast() {
    SearchRequest newest = SearchRequest.firstPage(10).withSort(SortOrder.NEWEST_FIRST);
    assertThat(paths(library.searchText("red", newest))).containsExactly(receipt, red, green, blue, pinkish);
    SearchRequest oldest = SearchRequest.firstPage(10).withSort(SortOrder.OLDEST_FIRST);
    assertThat(paths(library.searchText("red", oldest))).containsExactly(blue, green, red, receipt, pinkish);
  }

  @Test
  void oddQueriesNeverThrow() {
    String[] odd = {"", " ", "\"", "\"\"\"", "*", "NEAR", "NEAR(a b, 2)", "a OR b", "'", "' OR 1=1 --", "(", ")",
        "((a)", "😀", "🎉🎉 🎉", "x".repeat(10_000), "word ".repeat(2_000), "{ocr} : x", "^a", "a:b", "\u0000",
        "-", "AND", "NOT x", "\\", "%_", "ｔｅｓｃｏ"};
    for (String q : odd) {
      assertThat(library.searchText(q, SearchRequest.firstPage(5))).as(q).isNotNull();
      for (FtsQuery.Mode mode : FtsQuery.Mode.values()) {
        assertThat(library.searchWords(q, mode, SearchRequest.firstPage(5))).as(q).isNotNull();
      }
    }
    assertThat(paths(library.searchWords("ｔｅｓｃｏ", FtsQuery.Mode.ALL_WORDS, SearchRequest.firstPage(5))))
        .containsExactlyInAnyOrder(green, receipt);
    assertThat(library.searchText(null, SearchRequest.firstPage(5)).hits()).isEmpty();
  }
}
