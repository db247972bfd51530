package dev.findmypic.index.docs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.findmypic.core.testing.SharedData;
import dev.findmypic.models.text.onnx.OnnxSentenceEmbedder;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Document search on the CISI collection (1,460 abstracts on library and information science, 76 judged queries)
 * with the real int8 all-MiniLM-L6-v2: BM25 alone, dense alone and hybrid, each asserted at its measured level less
 * a small margin. The abstracts are embedded once for the whole class.
 *
 * <p>Measured (int8 MiniLM, passages of 160 words with 40 overlap, RRF k = 60, 76 queries):
 * <pre>
 *   mode      nDCG@10  recall@100
 *   BM25      0.3275   0.4071
 *   dense     0.4294   0.4816
 *   hybrid    0.4339   0.5173
 * </pre>
 */
class CisiEvaluationTest {
  /** Slack under the measured figures, so that a change of ONNX Runtime kernels does not fail the build. */
  private static final double MARGIN = 0.01;

  @TempDir
  static Path dataDirectory;
  private static OnnxSentenceEmbedder embedder;
  private static DocumentIndex index;
  private static CisiCollection cisi;
  private static Map<SearchMode, CisiEvaluation.Scores> scores;

  @BeforeAll
  static void indexCisi() throws Exception {
    cisi = CisiCollection.read(SharedData.path("fixtures/docs/cisi"));
    embedder = OnnxSentenceEmbedder.builder(SharedData.path("models/all-minilm-l6-v2-q")).build();
    index = DocumentIndex.open(dataDirectory, embedder, new TikaTextExtractor());
    long start = System.nanoTime();
    CisiEvaluation.index(index, cisi);
    long indexed = System.nanoTime();
    scores = CisiEvaluation.evaluate(index, cisi, List.of(SearchMode.values()));
    System.out.printf("CISI: indexed %d abstracts in %.1f s, evaluated in %.1f s%n", cisi.documents().size(),
        (indexed - start) / 1e9, (System.nanoTime() - indexed) / 1e9);
    scores.forEach((mode, s) -> System.out.printf("CISI %-8s nDCG@10 %.4f  recall@100 %.4f  (%d queries)%n",
        mode, s.ndcgAt10(), s.recallAt100(), s.queries()));
  }

  @AfterAll
  static void close() {
    index.close();
    embedder.close();
  }

  @Test
  void theCollectionIsReadWhole() {
    assertThat(cisi.documents()).hasSize(1460);
    assertThat(cisi.queries()).hasSize(112);
    assertThat(cisi.relevant()).hasSize(76);
    assertThat(cisi.documents().get("1")).startsWith("18 Editions of the Dewey Decimal Classifications")
        .contains("history of the DEWEY Decimal");
  }

  @Test
  void bm25AloneReachesItsMeasuredLevel() {
    assertAtLeast(SearchMode.KEYWORD, 0.3275, 0.4071);
  }

  @Test
  void denseAloneReachesItsMeasuredLevel() {
    assertAtLeast(SearchMode.SEMANTIC, 0.4294, 0.4816);
  }

  @Test
  void hybridReachesItsMeasuredLevel() {
    assertAtLeast(SearchMode.HYBRID, 0.4339, 0.5173);
  }

  private static void assertAtLeast(SearchMode mode, double measuredNdcg, double measuredRecall) {
    CisiEvaluation.Scores s = scores.get(mode);
    assertThat(s.queries()).isEqualTo(76);
    assertThat(s.ndcgAt10()).as("%s nDCG@10", mode).isGreaterThanOrEqualTo(measuredNdcg - MARGIN);
    assertThat(s.recallAt100()).as("%s recall@100", mode).isGreaterThanOrEqualTo(measuredRecall - MARGIN);
  }
}
