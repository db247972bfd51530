package dev.findmypic.index.docs;

import dev.findmypic.core.Embedder;
import dev.findmypic.core.Modality;
import dev.findmypic.index.text.FtsQuery;
import dev.findmypic.index.text.ReciprocalRankFusion;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Searchable text documents: extraction, passages, embeddings, and keyword, semantic or hybrid search.
 *
 * <p>Search works on documents, each represented by its passages: the keyword ranking orders documents by their best
 * passage's BM25 (FTS5, Porter stemming, the query's words joined by OR), the semantic ranking by their best passage's
 * cosine similarity to the query, and the hybrid ranking fuses the two top-{@value #CANDIDATES} lists by
 * {@link ReciprocalRankFusion reciprocal rank fusion} with k = 60. Each hit carries its best passages and the signals
 * that found it.
 *
 * <p>Thread-safe. The caller keeps ownership of the embedder and the extractor; {@link #close()} closes the database.
 */
public final class DocumentIndex implements AutoCloseable {
  /** The file name of the document index inside the data directory. */
  public static final String FILE_NAME = "documents.db";
  /** How many documents each ranking contributes to the fusion. */
  static final int CANDIDATES = 200;
  private static final int KEYWORD_PASSAGES = 1000;
  private static final int PASSAGES_PER_HIT = 3;
  private static final Logger LOG = LoggerFactory.getLogger(DocumentIndex.class);

  private final DocumentStore store;
  private final Embedder embedder;
  private final TextExtractor extractor;
  private final Chunker chunker;
  private volatile DensePassages dense;

  private DocumentIndex(DocumentStore store, Embedder embedder, TextExtractor extractor, Chunker chunker) {
    this.store = store;
    this.embedder = embedder;
    this.extractor = extractor;
    this.chunker = chunker;
  }

  /**
   * Opens the document index of a data directory, creating it if needed.
   *
   * @param dataDirectory the library's data directory; the index is {@value #FILE_NAME} in it
   * @param embedder a text embedder, such as all-MiniLM-L6-v2
   * @param extractor reads document files, such as {@link TikaTextExtractor}
   * @return the index
   * @throws DocumentException if the index file cannot be opened
   * @throws IllegalArgumentException if the embedder does not embed text
   */
  public static DocumentIndex open(Path dataDirectory, Embedder embedder, TextExtractor extractor) {
    if (!embedder.info().modalities().contains(Modality.TEXT)) {
      throw new IllegalArgumentException(embedder.info().id() + " does not embed text; documents need a text model");
    }
    try {
      Files.createDirectories(dataDirectory);
    } catch (IOException e) {
      throw new DocumentException("cannot create the data directory " + dataDirectory + ": " + e.getMessage(), e);
    }
    return new DocumentIndex(DocumentStore.open(dataDirectory.resolve(FILE_NAME)), embedder,
        Objects.requireNonNull(extractor, "extractor"), Chunker.DEFAULT);
  }

  /**
   * Brings the index in line with the documents under some roots: new and changed files (by size and modification
   * time, or because the embedding model changed) are read and indexed, unchanged ones are skipped, and indexed
   * documents under these roots that are gone are dropped. A file that cannot be read is reported and left out; it
   * does not stop the update.
   *
   * @param roots directories to walk (symbolic links are not followed)
   * @return what was done
   */
  public UpdateReport update(List<Path> roots) {
    String model = embedder.info().key();
    Map<Path, DocumentStore.Stamp> stamps = store.stamps();
    Set<Path> seen = new LinkedHashSet<>();
    Map<Path, String> failed = new LinkedHashMap<>();
    int added = 0;
    int updated = 0;
    int unchanged = 0;
    for (Path root : roots) {
      for (Path file : documentsUnder(root)) {
        seen.add(file);
        BasicFileAttributes attributes;
        try {
          attributes = Files.readAttributes(file, BasicFileAttributes.class);
        } catch (IOException e) {
          failed.put(file, "cannot read its attributes: " + e.getMessage());
          continue;
        }
        long size = attributes.size();
        long modified = attributes.lastModifiedTime().toMillis();
        DocumentStore.Stamp stamp = stamps.get(file);
        if (stamp != null && stamp.size() == size && stamp.modified() == modified && stamp.model().equals(model)) {
          unchanged++;
          continue;
        }
        try {
          index(new DocumentText(file, size, modified, extractor.extract(file)));
          if (stamp == null) {
            added++;
          } else {
            updated++;
          }
        } catch (DocumentException e) {
          LOG.warn("skipping {}: {}", file, e.getMessage());
          failed.put(file, e.getMessage());
        }
      }
    }
    List<Path> gone = stamps.keySet().stream()
        .filter(p -> roots.stream().anyMatch(r -> p.startsWith(r.toAbsolutePath().normalize())))
        .filter(p -> !seen.contains(p))
        .toList();
    if (!gone.isEmpty()) {
      store.delete(gone);
      dense = null;
    }
    return new UpdateReport(added, updated, unchanged, gone.size(), failed);
  }

  /**
   * Indexes one document's text, replacing whatever the index held for its path.
   *
   * @param document the document
   */
  public void index(DocumentText document) {
    List<String> passages = chunker.split(document.text());
    List<float[]> vectors = passages.isEmpty() ? List.of() : embedder.embedTexts(passages);
    store.put(document, embedder.info().key(), passages, vectors);
    dense = null;
  }

  /**
   * Searches with both signals ({@link SearchMode#HYBRID}).
   *
   * @param query what the user typed: any text, including empty, very long, or full of FTS5 or SQL syntax
   * @param limit the most documents, at least 1
   * @return the documents, best first; empty for a query without words or meaning
   */
  public List<DocumentHit> search(String query, int limit) {
    return search(query, limit, SearchMode.HYBRID);
  }

  /**
   * Searches.
   *
   * @param query what the user typed: any text, including empty, very long, or full of FTS5 or SQL syntax
   * @param limit the most documents, at least 1
   * @param mode the signals that rank the documents
   * @return the documents, best first; empty for blank text
   */
  public List<DocumentHit> search(String query, int limit, SearchMode mode) {
    Objects.requireNonNull(query, "query");
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be at least 1, got " + limit);
    }
    if (query.isBlank()) {
      return List.of();
    }
    KeywordRanking keyword = mode == SearchMode.SEMANTIC ? KeywordRanking.NONE : keywordRanking(query);
    Optional<float[]> queryVector = mode == SearchMode.KEYWORD ? Optional.empty()
        : Optional.of(embedder.embedText(query));
    DensePassages passages = queryVector.isPresent() ? densePassages() : null;
    List<DensePassages.DocumentMatch> semantic = queryVector
        .map(v -> passages.rankDocuments(v, CANDIDATES))
        .orElse(List.of());

    Map<Long, Double> scores = new LinkedHashMap<>();
    switch (mode) {
      case KEYWORD -> keyword.bestScore.forEach(scores::put);
      case SEMANTIC -> semantic.forEach(m -> scores.put(m.document(), (double) m.similarity()));
      case HYBRID -> scores.putAll(ReciprocalRankFusion.fuse(List.of(
          keyword.documents, semantic.stream().map(DensePassages.DocumentMatch::document).toList())));
    }
    List<Long> top = scores.entrySet().stream()
        .sorted(Map.Entry.<Long, Double>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
        .limit(limit)
        .map(Map.Entry::getKey)
        .toList();
    Set<Long> semanticDocuments = new HashSet<>();
    semantic.forEach(m -> semanticDocuments.add(m.document()));
    return hits(top, scores, keyword, semanticDocuments, queryVector, passages, mode);
  }

  @Override
  public void close() {
    store.close();
  }

  /** Documents ranked by their best passage's BM25, with each document's matching passages and their scores. */
  private record KeywordRanking(
      List<Long> documents, Map<Long, Double> bestScore, Map<Long, Map<Long, Double>> passageScores) {
    static final KeywordRanking NONE = new KeywordRanking(List.of(), Map.of(), Map.of());
  }

  private KeywordRanking keywordRanking(String query) {
    Optional<String> expression = FtsQuery.build(query, FtsQuery.Mode.ANY_WORD);
    if (expression.isEmpty()) {
      return KeywordRanking.NONE;
    }
    Map<Long, Double> best = new LinkedHashMap<>();
    Map<Long, Map<Long, Double>> passageScores = new HashMap<>();
    for (DocumentStore.KeywordMatch match : store.keywordSearch(expression.get(), KEYWORD_PASSAGES)) {
      passageScores.computeIfAbsent(match.document(), d -> new HashMap<>()).put(match.passage(), match.score());
      if (best.size() < CANDIDATES) {
        best.putIfAbsent(match.document(), match.score());
      }
    }
    return new KeywordRanking(List.copyOf(best.keySet()), best, passageScores);
  }

  private DensePassages densePassages() {
    DensePassages current = dense;
    if (current == null) {
      current = new DensePassages(store.vectors(embedder.info().key()), embedder.info().dimension());
      dense = current;
    }
    return current;
  }

  private List<DocumentHit> hits(List<Long> documents, Map<Long, Double> scores, KeywordRanking keyword,
      Set<Long> semanticDocuments, Optional<float[]> queryVector, DensePassages dense, SearchMode mode) {
    Map<Long, Map<Long, Float>> similarities = new HashMap<>();
    List<Long> wanted = new ArrayList<>();
    for (long document : documents) {
      Map<Long, Float> similarity = queryVector.map(v -> dense.passageSimilarities(document, v)).orElse(Map.of());
      similarities.put(document, similarity);
      Set<Long> candidates = new LinkedHashSet<>(similarity.keySet());
      candidates.addAll(keyword.passageScores.getOrDefault(document, Map.of()).keySet());
      wanted.addAll(candidates);
    }
    Map<Long, DocumentStore.StoredPassage> texts = store.passages(wanted);
    Map<Long, Path> paths = store.paths(documents);
    List<DocumentHit> hits = new ArrayList<>();
    for (long document : documents) {
      Map<Long, Float> similarity = similarities.get(document);
      Map<Long, Double> keywordScores = keyword.passageScores.getOrDefault(document, Map.of());
      boolean semantic = semanticDocuments.contains(document);
      Optional<Long> mostSimilar =
          similarity.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey);
      List<Passage> passages = texts.values().stream()
          .filter(p -> p.document() == document)
          .map(p -> {
            double bm25 = keywordScores.getOrDefault(p.id(), 0.0);
            EnumSet<Signal> signals = EnumSet.noneOf(Signal.class);
            if (bm25 > 0) {
              signals.add(Signal.KEYWORD);
            }
            if (semantic && mostSimilar.isPresent() && mostSimilar.get() == p.id()) {
              signals.add(Signal.SEMANTIC);
            }
            return new Passage(p.ordinal(), p.text(), similarity.getOrDefault(p.id(), Float.NaN), bm25, signals);
          })
          .sorted(passageOrder(mode))
          .limit(PASSAGES_PER_HIT)
          .toList();
      EnumSet<Signal> signals = EnumSet.noneOf(Signal.class);
      if (keyword.bestScore.containsKey(document)) {
        signals.add(Signal.KEYWORD);
      }
      if (semantic) {
        signals.add(Signal.SEMANTIC);
      }
      hits.add(new DocumentHit(paths.get(document), scores.get(document), passages, signals));
    }
    return hits;
  }

  private static Comparator<Passage> passageOrder(SearchMode mode) {
    Comparator<Passage> bySimilarity = Comparator.comparingDouble(Passage::similarity).reversed();
    Comparator<Passage> byKeyword = Comparator.comparingDouble(Passage::keywordScore).reversed();
    return switch (mode) {
      case KEYWORD -> byKeyword.thenComparing(Passage::ordinal);
      case SEMANTIC -> bySimilarity.thenComparing(Passage::ordinal);
      case HYBRID -> Comparator.comparing((Passage p) -> p.signals().size()).reversed()
          .thenComparing(bySimilarity).thenComparing(Passage::ordinal);
    };
  }

  private List<Path> documentsUnder(Path root) {
    Path absolute = root.toAbsolutePath().normalize();
    if (!Files.isDirectory(absolute)) {
      throw new DocumentException("the document root " + absolute + " is not a directory");
    }
    try (Stream<Path> files = Files.walk(absolute, new FileVisitOption[0])) {
      return files.filter(Files::isRegularFile).filter(extractor::supports).sorted().toList();
    } catch (IOException | UncheckedIOException e) {
      throw new DocumentException("cannot list the documents under " + absolute + ": " + e.getMessage(), e);
    }
  }
}
