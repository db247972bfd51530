package dev.findmypic.index.docs;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Indexes CISI into a {@link DocumentIndex} and scores its rankings against the judgements. */
final class CisiEvaluation {
  /** The mean scores of one search mode over the judged queries. */
  record Scores(double ndcgAt10, double recallAt100, int queries) {}

  private CisiEvaluation() {}

  /** Indexes every abstract as a document named {@code cisi/<id>}. */
  static void index(DocumentIndex index, CisiCollection cisi) {
    cisi.documents().forEach((id, text) -> index.index(new DocumentText(Path.of("cisi", id), text.length(), 0, text)));
  }

  /** Runs every judged query in each mode and averages nDCG@10 and recall@100. */
  static Map<SearchMode, Scores> evaluate(DocumentIndex index, CisiCollection cisi, List<SearchMode> modes) {
    Map<SearchMode, Scores> scores = new EnumMap<>(SearchMode.class);
    for (SearchMode mode : modes) {
      double ndcg = 0;
      double recall = 0;
      int n = 0;
      for (Map.Entry<String, Set<String>> judged : cisi.relevant().entrySet()) {
        List<String> ranking = ranking(index, cisi.queries().get(judged.getKey()), mode);
        ndcg += RetrievalMetrics.ndcg(ranking, judged.getValue(), 10);
        recall += RetrievalMetrics.recall(ranking, judged.getValue(), 100);
        n++;
      }
      scores.put(mode, new Scores(ndcg / n, recall / n, n));
    }
    return scores;
  }

  static List<String> ranking(DocumentIndex index, String query, SearchMode mode) {
    List<String> ids = new ArrayList<>();
    for (DocumentHit hit : index.search(query, 100, mode)) {
      ids.add(hit.path().getFileName().toString());
    }
    return ids;
  }
}
