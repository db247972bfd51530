package dev.findmypic.index.search;

import static org.assertj.core.api.Assertions.assertThat;

import dev.findmypic.core.Embedder;
import dev.findmypic.core.Modality;
import dev.findmypic.core.ModelInfo;
import dev.findmypic.core.Picture;
import dev.findmypic.index.LibraryOptions;
import dev.findmypic.index.PhotoLibrary;
import dev.findmypic.index.testing.FakeDecoder;
import dev.findmypic.index.testing.FakeOcr;
import dev.findmypic.index.testing.TestPhotos;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Equal fused scores: a photo whose text holds the query's word ranks before one that only resembles it in meaning. */
class FusionTieTest {
  @TempDir Path tmp;

  @Test
  void aLiteralMatchWinsATieWithAMeaningMatchWhicheverFileCameFirst() {
    Path a = TestPhotos.write(tmp.resolve("photos/aaa.png"), 0x101010, 1);
    Path b = TestPhotos.write(tmp.resolve("photos/bbb.png"), 0x101010, 2);
    FakeOcr ocr = new FakeOcr();
    ocr.teach(1, "black and white stripes", "tiger");
    ocr.teach(2, "orange fur", "zebra");
    try (PhotoLibrary library = PhotoLibrary.open(tmp.resolve("data"), LibraryOptions.builder()
        .decoder(new FakeDecoder()).textEmbedder(new TwoMeanings()).ocr(ocr).build())) {
      library.addRoot(tmp.resolve("photos"));
      library.index(p -> { });

      // each query has one photo with the word in it and the other close to it in meaning; one of the two
      // queries has the literal match at the higher file id, where the file id alone would put it second
      assertLiteralFirst(library.searchText("zebra", SearchRequest.firstPage(10)).hits(), b, a);
      assertLiteralFirst(library.searchText("tiger", SearchRequest.firstPage(10)).hits(), a, b);
    }
  }

  private static void assertLiteralFirst(List<PhotoHit> hits, Path literal, Path meaning) {
    assertThat(hits).extracting(PhotoHit::path).containsExactly(literal, meaning);
    assertThat(hits.get(0).signals()).containsOnlyKeys(Signal.OCR_TEXT);
    assertThat(hits.get(1).signals()).containsOnlyKeys(Signal.TEXT_MEANING);
    assertThat(hits.get(0).score()).as("a tie in the fusion").isEqualTo(hits.get(1).score());
  }

  /** Puts "zebra" and texts about stripes on one axis, "tiger" and texts about orange fur on another. */
  private static final class TwoMeanings implements Embedder {
    @Override
    public ModelInfo info() {
      return new ModelInfo("test/two-meanings", "1", 3, Set.of(Modality.TEXT));
    }

    @Override
    public List<float[]> embedTexts(List<String> texts) {
      return texts.stream().map(t -> t.equals("zebra") || t.contains("stripes") ? new float[] {1, 0, 0}
          : t.equals("tiger") || t.contains("orange") ? new float[] {0, 1, 0} : new float[] {0, 0, 1}).toList();
    }

    @Override
    public List<float[]> embedImages(List<Picture> pictures) {
      throw new UnsupportedOperationException("text only");
    }

    @Override
    public void close() {}
  }
}
