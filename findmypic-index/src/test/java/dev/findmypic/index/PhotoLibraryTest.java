package dev.findmypic.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.findmypic.core.Embedder;
import dev.findmypic.core.FaceRecognizer;
import dev.findmypic.core.FindMyPicException;
import dev.findmypic.core.ModelException;
import dev.findmypic.core.ModelProvider;
import dev.findmypic.core.ModelRole;
import dev.findmypic.core.ModelSettings;
import dev.findmypic.core.OcrEngine;
import dev.findmypic.core.PhotoDecoder;
import dev.findmypic.index.catalogue.VectorKind;
import dev.findmypic.index.search.SearchRequest;
import dev.findmypic.index.search.Signal;
import dev.findmypic.index.testing.FakeClip;
import dev.findmypic.index.testing.FakeDecoder;
import dev.findmypic.index.testing.FakeOcr;
import dev.findmypic.index.testing.TestPhotos;
import dev.findmypic.index.vectors.VectorIndex;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PhotoLibraryTest {
  @TempDir Path tmp;

  /** A provider whose CLIP model is missing; it counts what it opened and what was closed. */
  static final class Provider implements ModelProvider {
    final List<String> opened = new ArrayList<>();
    final List<String> closed = new ArrayList<>();

    @Override
    public Embedder openEmbedder(ModelRole role, ModelSettings settings) {
      throw new ModelException("the " + role.key() + " model is not cached and the library is offline");
    }

    @Override
    public FaceRecognizer openFaceRecognizer(ModelSettings settings) {
      throw new ModelException("no face model");
    }

    @Override
    public OcrEngine openOcrEngine(ModelSettings settings) {
      opened.add("ocr");
      FakeOcr ocr = new FakeOcr();
      ocr.teach(1, "hello world");
      return new OcrEngine() {
        @Override
        public dev.findmypic.core.ModelInfo info() {
          return ocr.info();
        }

        @Override
        public dev.findmypic.core.OcrResult read(dev.findmypic.core.Picture picture) {
          return ocr.read(picture);
        }

        @Override
        public void close() {
          closed.add("ocr");
        }
      };
    }

    @Override
    public PhotoDecoder photoDecoder() {
      return new FakeDecoder();
    }
  }

  @Test
  void opensWhatTheProviderHasAndRunsWithoutTheRest() throws Exception {
    TestPhotos.write(tmp.resolve("p/note.png"), 0xffffff, 1);
    Provider provider = new Provider();
    try (PhotoLibrary library = PhotoLibrary.open(tmp.resolve("data"), LibraryOptions.builder()
        .models(provider, ModelSettings.defaults(tmp.resolve("data")), EnumSet.allOf(ModelRole.class)).build())) {
      library.addRoot(tmp.resolve("p"));
      IndexSummary summary = library.indexAsync(p -> { }).get(60, TimeUnit.SECONDS);
      assertThat(summary.added()).isEqualTo(1);
      // each feature that is off is explained in the provider's own words
      assertThat(summary.disabled()).containsExactlyInAnyOrder(
          "the clip model is not cached and the library is offline", "no face model",
          "the text model is not cached and the library is offline");
      assertThat(library.stats().disabled()).isEqualTo(summary.disabled());
      assertThat(library.searchText("hello", SearchRequest.firstPage(5)).hits()).singleElement()
          .satisfies(h -> assertThat(h.signals()).containsOnlyKeys(Signal.OCR_TEXT));
      assertThat(library.embedder(ModelRole.CLIP)).isEmpty();
      assertThat(library.vectorIndex(VectorKind.IMAGE)).isEmpty();
    }
    assertThat(provider.opened).containsExactly("ocr");
    assertThat(provider.closed).as("the library closes what it opened").containsExactly("ocr");
  }

  @Test
  void rootsMustBeFoldersThatDoNotOverlap() {
    TestPhotos.write(tmp.resolve("p/sub/x.png"), 0, 1);
    try (PhotoLibrary library = PhotoLibrary.open(tmp.resolve("data"), LibraryOptions.builder()
        .decoder(new FakeDecoder()).build())) {
      assertThat(library.addRoot(tmp.resolve("p/../p"))).isEqualTo(tmp.resolve("p"));
      assertThatThrownBy(() -> library.addRoot(tmp.resolve("p/sub"))).isInstanceOf(FindMyPicException.class)
          .hasMessageContaining("overlaps");
      assertThatThrownBy(() -> library.addRoot(tmp.resolve("p/sub/x.png"))).hasMessageContaining("not a folder");
      assertThat(library.roots()).hasSize(1);
      assertThat(library.removeRoot(tmp.resolve("p"))).isTrue();
      assertThat(library.removeRoot(tmp.resolve("p"))).isFalse();
    }
    assertThatThrownBy(() -> PhotoLibrary.open(tmp.resolve("data"), LibraryOptions.builder().build()))
        .isInstanceOf(FindMyPicException.class).hasMessageContaining("PhotoDecoder");
  }

  @Test
  void aHostApplicationCanUseTheEmbedderAndItsOwnVectorIndex() {
    FakeClip clip = new FakeClip();
    try (PhotoLibrary library = PhotoLibrary.open(tmp.resolve("data"), LibraryOptions.builder()
        .decoder(new FakeDecoder()).clip(clip).build())) {
      Embedder embedder = library.embedder(ModelRole.CLIP).orElseThrow();
      VectorIndex own = VectorIndex.create(embedder.info().dimension(), 100);
      own.add(1, embedder.embedText("a red thing"));
      own.add(2, embedder.embedText("a blue thing"));
      assertThat(own.search(embedder.embedText("blue"), 1, null)).singleElement()
          .satisfies(n -> assertThat(n.id()).isEqualTo(2));
    }
  }
}
