package dev.findmypic.index;

import static org.assertj.core.api.Assertions.assertThat;

import dev.findmypic.core.Embedder;
import dev.findmypic.core.ModelInfo;
import dev.findmypic.core.OcrEngine;
import dev.findmypic.core.OcrResult;
import dev.findmypic.core.Picture;
import dev.findmypic.core.testing.SharedData;
import dev.findmypic.index.catalogue.VectorKind;
import dev.findmypic.index.search.PhotoHit;
import dev.findmypic.index.search.SearchRequest;
import dev.findmypic.index.search.Signal;
import dev.findmypic.index.testing.FakeClip;
import dev.findmypic.index.testing.FakeDecoder;
import dev.findmypic.index.testing.FakeOcr;
import dev.findmypic.index.testing.Sql;
import dev.findmypic.index.testing.TestPhotos;
import dev.findmypic.index.vectors.VectorIndex;
import dev.findmypic.models.text.bert.BertEmbedder;
import dev.findmypic.models.text.onnx.OnnxSentenceEmbedder;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The upgrade after {@code models pull}: the library was indexed with the embedded int8 all-MiniLM-L6-v2 as its text
 * model, then another text model becomes the choice (here bert-tiny-a, a tiny random-weight BERT of another id,
 * revision and dimension, standing in for the pulled model). The next index recomputes every text vector with the
 * new model, the two models' vectors never meet in one index (nor in the catalogue), and what the unchanged models
 * produced (CLIP vectors, OCR lines) is kept. The text vectors come from what the catalogue holds (file names, OCR
 * lines): no photo is decoded again, and neither OCR nor CLIP runs.
 */
class ModelUpgradeTest {
  private static final Map<String, List<String>> TEXT = Map.of(
      "receipt.png", List.of("TESCO STORES", "TOTAL 12.50", "thank you for shopping"),
      "sign.png", List.of("NO PARKING", "tow away zone"),
      "beach.png", List.of());

  @TempDir Path tmp;
  private Path data;
  private final FakeDecoder decoder = new FakeDecoder();
  private final FakeClip clip = new FakeClip();
  private final CountingOcr ocr = new CountingOcr();
  private Embedder int8;
  private Embedder bertTiny;

  @BeforeEach
  void photosAndModels() {
    data = tmp.resolve("data");
    int marker = 1;
    for (Map.Entry<String, List<String>> e : TEXT.entrySet()) {
      TestPhotos.write(tmp.resolve("photos").resolve(e.getKey()), 0x406080, marker);
      ocr.fake.teach(marker++, e.getValue().toArray(String[]::new));
    }
    int8 = OnnxSentenceEmbedder.builder(SharedData.path("models/all-minilm-l6-v2-q"))
        .id("sentence-transformers/all-MiniLM-L6-v2").revision("embedded-int8").threads(1).build();
    bertTiny = BertEmbedder.open(SharedData.path("reference/bert-tiny-a"), "test/bert-tiny-a", "r2",
        BertEmbedder.MINILM_MAX_TOKENS, 1, 8);
  }

  @AfterEach
  void closeModels() throws Exception {
    int8.close();
    bertTiny.close();
  }

  private PhotoLibrary open(Embedder text) {
    return PhotoLibrary.open(data, LibraryOptions.builder()
        .decoder(decoder).clip(clip).textEmbedder(text).ocr(ocr).threads(2).batchSize(2).build());
  }

  @Test
  void anotherTextModelRecomputesTheTextVectorsAloneAndNeverMixesThem() {
    try (PhotoLibrary library = open(int8)) {
      library.addRoot(tmp.resolve("photos"));
      assertThat(library.index(ProgressListener.NONE).added()).isEqualTo(3);
    }
    assertThat(textVectors()).containsExactly(List.of(int8.info().key(), String.valueOf(3), "1536"));
    int decoded = decoder.decoded.get();
    int read = ocr.reads.get();
    int images = clip.images.get();

    try (PhotoLibrary library = open(bertTiny)) {
      IndexSummary summary = library.index(ProgressListener.NONE);

      assertThat(summary.failures()).isEmpty();
      assertThat(summary.updated()).isEqualTo(3);
      assertThat(decoder.decoded.get() - decoded).as("photos decoded again").isZero();
      assertThat(ocr.reads.get() - read).as("OCR reads").isZero();
      assertThat(clip.images.get() - images).as("CLIP images").isZero();
      assertThat(textVectors()).as("only the new model's vectors are left, one per photo, 32-d")
          .containsExactly(List.of(bertTiny.info().key(), String.valueOf(3), String.valueOf(32 * 4)));
      VectorIndex index = library.vectorIndex(VectorKind.TEXT).orElseThrow();
      assertThat(index.dimension()).isEqualTo(32);
      assertThat(index.size()).isEqualTo(3);
      List<PhotoHit> hits = library.searchText("tow away zone", SearchRequest.firstPage(10)).hits();
      assertThat(hits).isNotEmpty();
      assertThat(hits.get(0).path().getFileName()).hasToString("sign.png");
      assertThat(hits.get(0).signals()).containsKey(Signal.TEXT_MEANING);
      assertThat(Sql.number(data, "SELECT count(*) FROM embeddings WHERE kind = 'IMAGE' AND model_key = '"
          + clip.info().key() + "'")).as("CLIP vectors kept").isEqualTo(3);
      assertThat(Sql.number(data, "SELECT count(*) FROM ocr_lines")).isEqualTo(5);
    }
  }

  /** (model key, vectors, bytes per vector) of the text vectors in the catalogue. */
  private List<List<String>> textVectors() {
    return Sql.rows(data, "SELECT model_key, count(*), length(vector) FROM embeddings WHERE kind = 'TEXT'"
        + " GROUP BY model_key, length(vector)");
  }

  /** Counts the pictures read. */
  private static final class CountingOcr implements OcrEngine {
    final FakeOcr fake = new FakeOcr();
    final AtomicInteger reads = new AtomicInteger();

    @Override
    public ModelInfo info() {
      return fake.info();
    }

    @Override
    public OcrResult read(Picture picture) {
      reads.incrementAndGet();
      return fake.read(picture);
    }

    @Override
    public void close() {}
  }
}
