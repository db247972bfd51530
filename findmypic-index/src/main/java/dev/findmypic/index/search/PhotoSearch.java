package dev.findmypic.index.search;

import dev.findmypic.core.BoundingBox;
import dev.findmypic.core.DetectedFace;
import dev.findmypic.core.Embedder;
import dev.findmypic.core.FaceRecognizer;
import dev.findmypic.core.Picture;
import dev.findmypic.core.QueryException;
import dev.findmypic.core.TextLine;
import dev.findmypic.index.catalogue.Catalogue;
import dev.findmypic.index.catalogue.PhotoReads;
import dev.findmypic.index.catalogue.VectorKind;
import dev.findmypic.index.catalogue.VectorSetId;
import dev.findmypic.index.pipeline.Analysers;
import dev.findmypic.index.text.FtsQuery;
import dev.findmypic.index.text.ReciprocalRankFusion;
import dev.findmypic.index.vectors.CatalogueVectorIndexes;
import dev.findmypic.index.vectors.IdFilter;
import dev.findmypic.index.vectors.Neighbor;
import dev.findmypic.index.vectors.VectorIndex;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Answers photo queries over the catalogue and its vector indexes.
 *
 * <p>What the score means, per query:
 * <ul>
 *   <li>Text: the {@link ReciprocalRankFusion reciprocal rank fusion} of every signal available:
 *       {@link Signal#VISUAL} (CLIP text vector against image vectors), {@link Signal#OCR_TEXT} and
 *       {@link Signal#FILE_NAME} (BM25 in SQLite FTS5, any query word), and {@link Signal#TEXT_MEANING} (the text
 *       embedder against file names and OCR text). Without CLIP the other signals rank alone. 1 means first in every
 *       signal. The text embedder's matches count from a similarity of {@value #TEXT_MEANING_FLOOR}; CLIP ranks every
 *       photo. Equal scores are ordered by the number of keyword signals that matched (a literal match first), then
 *       by file id.</li>
 *   <li>Similar photos: the cosine similarity of CLIP image vectors.</li>
 *   <li>Person: {@code 1 - d / (2 t)} for the recogniser's distance {@code d} to the nearest reference face and its
 *       threshold {@code t}, so every match ({@code d <= t}) scores at least 0.5; only matches are returned.</li>
 *   <li>Words: {@code b / (1 + b)} for the photo's BM25 {@code b} (FTS5's, sign flipped).</li>
 * </ul>
 * Each vector signal contributes its {@value #VECTOR_CANDIDATES} nearest photos and each keyword signal its
 * {@value #KEYWORD_CANDIDATES} best matches, found with the filter applied inside the search, so
 * the result list, its total and every page are fixed for a given query and catalogue: pages never overlap or skip.
 * Thread-safe.
 */
public final class PhotoSearch {
  /** How many photos each keyword signal contributes at most. */
  public static final int KEYWORD_CANDIDATES = 1_000;
  /**
   * How many nearest photos each vector signal contributes. An HNSW search for {@code k} neighbours costs about
   * {@code max(ef, k)} candidates, so this bounds the cost of every vector query (benchmarks/index/RESULTS.md).
   */
  public static final int VECTOR_CANDIDATES = 300;
  /** The most faces a person search looks at per reference face. */
  public static final int FACE_CANDIDATES = 20_000;
  /**
   * The lowest cosine similarity at which the text embedder's match counts as a signal: sentence embedders give
   * unrelated texts similarities near 0 (all-MiniLM-L6-v2: mostly below 0.15), which would otherwise rank every photo.
   */
  public static final double TEXT_MEANING_FLOOR = 0.2;
  /** The cosine similarity at or above which a photo counts as a near-duplicate of the query photo. */
  public static final double NEAR_DUPLICATE = 0.95;

  private final Catalogue catalogue;
  private final CatalogueVectorIndexes vectors;
  private final Analysers analysers;
  private volatile PhotoFacts facts;

  /**
   * Creates the search over a catalogue.
   *
   * @param catalogue the catalogue
   * @param vectors its vector indexes
   * @param analysers the library's analysers; queries that need a missing one throw {@link QueryException}
   */
  public PhotoSearch(Catalogue catalogue, CatalogueVectorIndexes vectors, Analysers analysers) {
    this.catalogue = catalogue;
    this.vectors = vectors;
    this.analysers = analysers;
  }

  /**
   * Text → photos.
   *
   * @param text what the user typed; any text, including empty, is safe
   * @param request filter, order and page
   * @return the page
   */
  public SearchPage text(String text, SearchRequest request) {
    String query = text == null ? "" : text;
    PhotoFacts f = facts();
    IdFilter filter = fileFilter(f, request.filter());
    Map<Long, Candidate> candidates = new HashMap<>();
    int signals = 0;
    Embedder clip = analysers.clip();
    if (clip != null && !query.isBlank()) {
      Optional<VectorIndex> index = vectors.get(new VectorSetId(VectorKind.IMAGE, clip.info().key()));
      if (index.isPresent()) {
        fuse(candidates, Signal.VISUAL, scored(index.get().search(clip.embedText(query), VECTOR_CANDIDATES,
            filter)));
        signals++;
      }
    }
    Embedder textEmbedder = analysers.text();
    if (textEmbedder != null && !query.isBlank()) {
      Optional<VectorIndex> index = vectors.get(new VectorSetId(VectorKind.TEXT, textEmbedder.info().key()));
      if (index.isPresent()) {
        List<Neighbor> near = index.get().search(textEmbedder.embedText(query), VECTOR_CANDIDATES, filter).stream()
            .filter(n -> n.similarity() >= TEXT_MEANING_FLOOR)
            .toList();
        fuse(candidates, Signal.TEXT_MEANING, scored(near));
        signals++;
      }
    }
    for (String column : List.of("ocr", "name")) {
      Optional<String> match = FtsQuery.build(query, FtsQuery.Mode.ANY_WORD, column);
      if (match.isPresent()) {
        fuse(candidates, column.equals("ocr") ? Signal.OCR_TEXT : Signal.FILE_NAME,
            keywords(match.get(), filter));
        signals++;
      }
    }
    // scaled by the best possible fused value, so 1 means first in every signal and first in one of two scores 0.5
    double best = ReciprocalRankFusion.best(Math.max(signals, 1));
    for (Candidate c : candidates.values()) {
      c.score = Math.min(1.0, c.score / best);
    }
    return page(f, candidates, request, FtsQuery.words(query), false);
  }

  /**
   * Photo in the library → similar photos.
   *
   * @param photo a photo in the catalogue
   * @param excludeNearDuplicates true to leave out photos with a similarity of {@value #NEAR_DUPLICATE} or more
   * @param request filter, order and page
   * @return the page; the photo itself is never in it
   * @throws QueryException if there is no CLIP embedder or the photo is not indexed
   */
  public SearchPage similar(Path photo, boolean excludeNearDuplicates, SearchRequest request) {
    PhotoFacts f = facts();
    VectorIndex index = imageIndex();
    Long id = f.idOf(photo);
    float[] query = id == null ? null : index.vector(id);
    if (query == null) {
      throw new QueryException("the photo " + photo + " has no CLIP vector in the library: index it first");
    }
    return similar(f, index, query, id, excludeNearDuplicates, request);
  }

  /**
   * Any picture → similar photos.
   *
   * @param picture the picture
   * @param excludeNearDuplicates true to leave out photos with a similarity of {@value #NEAR_DUPLICATE} or more
   * @param request filter, order and page
   * @return the page
   * @throws QueryException if there is no CLIP embedder
   */
  public SearchPage similar(Picture picture, boolean excludeNearDuplicates, SearchRequest request) {
    PhotoFacts f = facts();
    VectorIndex index = imageIndex();
    Embedder clip = analysers.clip();
    return similar(f, index, clip.embedImage(picture), -1, excludeNearDuplicates, request);
  }

  private SearchPage similar(PhotoFacts f, VectorIndex index, float[] query, long self, boolean excludeNear,
      SearchRequest request) {
    Map<Long, Candidate> candidates = new LinkedHashMap<>();
    int rank = 0;
    for (Neighbor n : index.search(query, VECTOR_CANDIDATES + 1, fileFilter(f, request.filter()))) {
      if (n.id() == self || (excludeNear && n.similarity() >= NEAR_DUPLICATE)) {
        continue;
      }
      Candidate c = new Candidate(n.id());
      c.signals.put(Signal.VISUAL, new SignalMatch(++rank, n.similarity()));
      c.score = Math.max(0, n.similarity());
      candidates.put(n.id(), c);
    }
    return page(f, candidates, request, List.of(), false);
  }

  /**
   * Face → photos of that person. Each reference's face (the largest, or the one it picks) is searched for; a photo
   * matches when any of its faces is the same person as any reference by the recogniser's calibrated
   * {@link FaceRecognizer#sameIdentity decision}, and its score comes from the nearest reference.
   *
   * @param references photos of the person
   * @param request filter, order and page
   * @return the page, with the matching faces' boxes
   * @throws QueryException if there is no face recogniser or a reference has no face
   */
  public SearchPage person(List<FaceReference> references, SearchRequest request) {
    FaceRecognizer faces = analysers.faces();
    if (faces == null) {
      throw new QueryException("face search is off: the library has no face recogniser");
    }
    if (references.isEmpty()) {
      throw new QueryException("face search needs at least one reference photo");
    }
    List<float[]> queries = new ArrayList<>();
    for (FaceReference ref : references) {
      queries.add(referenceVector(faces, ref));
    }
    PhotoFacts f = facts();
    Map<Long, Candidate> candidates = new HashMap<>();
    Optional<VectorIndex> found = vectors.get(new VectorSetId(VectorKind.FACE, faces.info().key()));
    if (found.isPresent()) {
      VectorIndex index = found.get();
      IdFilter filter = request.filter().restrictsPhotos() ? f.faceFilter(request.filter()) : null;
      double threshold = faces.threshold();
      for (float[] query : queries) {
        // widen the search while its farthest neighbour is still the same person, so a person with many photos
        // is found in all of them (up to FACE_CANDIDATES)
        for (int k = VECTOR_CANDIDATES; ; k = Math.min(k * 4, FACE_CANDIDATES)) {
          List<Neighbor> near = index.search(query, k, filter);
          boolean lastMatched = false;
          for (Neighbor n : near) {
            double distance = faces.distance(query, index.vector(n.id()));
            long file = f.fileOfFace(n.id());
            lastMatched = distance <= threshold;
            if (!lastMatched || file < 0) {
              continue;
            }
            Candidate c = candidates.computeIfAbsent(file, Candidate::new);
            c.faceIds.add(n.id());
            double score = Math.max(0, 1 - distance / (2 * threshold));
            if (score > c.score) {
              c.score = score;
              c.signals.put(Signal.FACE, new SignalMatch(0, distance));
            }
          }
          if (near.size() < k || !lastMatched || k >= FACE_CANDIDATES) {
            break;
          }
        }
      }
    }
    rankWithin(candidates.values(), Signal.FACE);
    return page(f, candidates, request, List.of(), false);
  }

  /**
   * Words in photos: OCR text only.
   *
   * @param words what the user typed; any text is safe
   * @param mode all words, a phrase, or a prefix
   * @param request filter, order and page
   * @return the page, with the OCR lines that hold the words
   */
  public SearchPage words(String words, FtsQuery.Mode mode, SearchRequest request) {
    PhotoFacts f = facts();
    Map<Long, Candidate> candidates = new HashMap<>();
    Optional<String> match = FtsQuery.build(words, mode, "ocr");
    if (match.isPresent()) {
      List<Scored> ranked = keywords(match.get(), fileFilter(f, request.filter()));
      fuse(candidates, Signal.OCR_TEXT, ranked);
      for (Candidate c : candidates.values()) {
        double bm25 = c.signals.get(Signal.OCR_TEXT).raw();
        c.score = bm25 / (1 + bm25);
      }
    }
    return page(f, candidates, request, FtsQuery.words(words), mode == FtsQuery.Mode.PREFIX);
  }

  private float[] referenceVector(FaceRecognizer faces, FaceReference ref) {
    List<DetectedFace> detected = faces.detect(ref.picture());
    if (detected.isEmpty()) {
      throw new QueryException("no face found in the reference photo " + ref.picture());
    }
    int chosen = FaceReference.choose(detected.stream().map(DetectedFace::box).toList(), ref.pick());
    if (chosen < 0) {
      throw new QueryException("no detected face overlaps the picked box " + ref.pick());
    }
    return faces.embed(ref.picture(), List.of(detected.get(chosen))).get(0);
  }

  private VectorIndex imageIndex() {
    Embedder clip = analysers.clip();
    if (clip == null) {
      throw new QueryException("visual search is off: the library has no CLIP embedder");
    }
    return vectors.get(new VectorSetId(VectorKind.IMAGE, clip.info().key()))
        .orElseThrow(() -> new QueryException("no photo has a CLIP vector yet: index the library first"));
  }

  private static IdFilter fileFilter(PhotoFacts f, SearchFilter filter) {
    return filter.restrictsPhotos() ? f.fileFilter(filter) : null;
  }

  private static List<Scored> scored(List<Neighbor> neighbors) {
    List<Scored> out = new ArrayList<>(neighbors.size());
    for (Neighbor n : neighbors) {
      out.add(new Scored(n.id(), n.similarity()));
    }
    return out;
  }

  private static void fuse(Map<Long, Candidate> candidates, Signal signal, List<Scored> ranked) {
    for (int i = 0; i < ranked.size(); i++) {
      Scored s = ranked.get(i);
      Candidate c = candidates.computeIfAbsent(s.fileId(), Candidate::new);
      c.signals.put(signal, new SignalMatch(i + 1, s.raw()));
      c.score += ReciprocalRankFusion.contribution(i + 1);
    }
  }

  private List<Scored> keywords(String match, IdFilter filter) {
    return catalogue.read(c -> {
      List<Scored> out = new ArrayList<>();
      try (PreparedStatement s = c.prepareStatement(
          "SELECT rowid, -bm25(photo_text) FROM photo_text WHERE photo_text MATCH ? ORDER BY bm25(photo_text), rowid")) {
        s.setString(1, match);
        try (ResultSet rs = s.executeQuery()) {
          while (rs.next() && out.size() < KEYWORD_CANDIDATES) {
            long id = rs.getLong(1);
            if (filter == null || filter.accepts(id)) {
              out.add(new Scored(id, rs.getDouble(2)));
            }
          }
        }
      }
      return out;
    });
  }

  private static void rankWithin(Iterable<Candidate> candidates, Signal signal) {
    List<Candidate> sorted = new ArrayList<>();
    candidates.forEach(sorted::add);
    sorted.sort(Comparator.comparingDouble((Candidate c) -> -c.score).thenComparingLong(c -> c.fileId));
    for (int i = 0; i < sorted.size(); i++) {
      Candidate c = sorted.get(i);
      c.signals.put(signal, new SignalMatch(i + 1, c.signals.get(signal).raw()));
    }
  }

  private SearchPage page(PhotoFacts f, Map<Long, Candidate> candidates, SearchRequest request, List<String> words,
      boolean lastWordIsPrefix) {
    List<Candidate> kept = new ArrayList<>();
    for (Candidate c : candidates.values()) {
      if (f.file(c.fileId) != null && c.score >= request.filter().minScore()) {
        kept.add(c);
      }
    }
    kept.sort(order(f, request.sort()));
    int from = Math.min(request.offset(), kept.size());
    int to = Math.min(kept.size(), from + request.limit());
    List<Candidate> page = kept.subList(from, to);
    List<Long> fileIds = page.stream().map(c -> c.fileId).toList();
    List<Long> faceIds = page.stream().flatMap(c -> c.faceIds.stream()).toList();
    Map<Long, List<TextLine>> lines = words.isEmpty() ? Map.of() : catalogue.read(c -> PhotoReads.ocrLines(c, fileIds));
    Map<Long, BoundingBox> boxes = faceIds.isEmpty() ? Map.of() : catalogue.read(c -> PhotoReads.faceBoxes(c, faceIds));
    List<PhotoHit> hits = new ArrayList<>(page.size());
    for (Candidate c : page) {
      PhotoFacts.Fact fact = f.file(c.fileId);
      List<BoundingBox> faceBoxes = c.faceIds.stream().sorted().map(boxes::get).filter(b -> b != null).toList();
      List<TextLine> matched = lines.getOrDefault(c.fileId, List.of()).stream()
          .filter(line -> containsAny(line.text(), words, lastWordIsPrefix)).toList();
      hits.add(new PhotoHit(c.fileId, fact.path(), c.score, c.signals, faceBoxes, matched, fact.takenAt()));
    }
    return new SearchPage(hits, kept.size(), request.offset());
  }

  private static boolean containsAny(String line, List<String> words, boolean lastIsPrefix) {
    Set<String> lineWords = Set.copyOf(FtsQuery.words(line));
    for (int i = 0; i < words.size(); i++) {
      String w = words.get(i);
      if (lineWords.contains(w)) {
        return true;
      }
      if (lastIsPrefix && i == words.size() - 1 && lineWords.stream().anyMatch(lw -> lw.startsWith(w))) {
        return true;
      }
    }
    return false;
  }

  private static Comparator<Candidate> order(PhotoFacts f, SortOrder sort) {
    Comparator<Candidate> byId = Comparator.comparingLong(c -> c.fileId);
    if (sort == SortOrder.RELEVANCE) {
      return Comparator.comparingDouble((Candidate c) -> -c.score)
          .thenComparingInt(c -> -keywordSignals(c))
          .thenComparing(byId);
    }
    Comparator<java.time.LocalDateTime> dates = sort == SortOrder.NEWEST_FIRST
        ? Comparator.reverseOrder() : Comparator.naturalOrder();
    return Comparator.comparing((Candidate c) -> f.file(c.fileId).takenAt(), Comparator.nullsLast(dates))
        .thenComparing(byId);
  }

  /**
   * How many keyword signals matched a candidate. Reciprocal rank fusion gives the same value to photos that are
   * first in one signal each (a photo whose OCR text holds the query's words and one that only resembles the query
   * in meaning); on such a tie the literal match ranks first.
   */
  private static int keywordSignals(Candidate c) {
    return (c.signals.containsKey(Signal.OCR_TEXT) ? 1 : 0) + (c.signals.containsKey(Signal.FILE_NAME) ? 1 : 0);
  }

  private PhotoFacts facts() {
    long generation = catalogue.read(PhotoReads::generation);
    PhotoFacts current = facts;
    if (current == null || current.generation() != generation) {
      current = catalogue.read(c -> PhotoFacts.load(c, PhotoReads.generation(c)));
      facts = current;
    }
    return current;
  }

  /** A file with its raw measure in one signal: similarity, BM25 (sign flipped) or distance. */
  private record Scored(long fileId, double raw) {}
}
