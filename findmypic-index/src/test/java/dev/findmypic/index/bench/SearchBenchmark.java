package dev.findmypic.index.bench;

import dev.findmypic.core.ModelRole;
import dev.findmypic.core.OcrResult;
import dev.findmypic.core.PhotoMetadata;
import dev.findmypic.core.Picture;
import dev.findmypic.core.Point;
import dev.findmypic.core.TextLine;
import dev.findmypic.core.Vectors;
import dev.findmypic.index.LibraryOptions;
import dev.findmypic.index.PhotoLibrary;
import dev.findmypic.index.catalogue.AnalysedPhoto;
import dev.findmypic.index.catalogue.Catalogue;
import dev.findmypic.index.catalogue.FaceRecord;
import dev.findmypic.index.catalogue.FileRef;
import dev.findmypic.index.catalogue.PhotoWrites;
import dev.findmypic.index.catalogue.VectorKind;
import dev.findmypic.index.search.FaceReference;
import dev.findmypic.index.search.SearchFilter;
import dev.findmypic.index.search.SearchRequest;
import dev.findmypic.index.text.FtsQuery;
import dev.findmypic.index.vectors.Neighbor;
import dev.findmypic.index.vectors.VectorIndex;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Search latency over a synthetic library: N photos with 512-d clustered CLIP vectors, a 512-d face in every other
 * photo, OCR text in one photo of five, dates over ten years and ten folders. Queries get their vectors from
 * {@link QueryVectors}, so the times are the search's own (vector search, keyword search, fusion, filters, page).
 * Each query is timed in wall-clock time and in the CPU time of the querying thread (the search runs on it), since
 * the wall time on a shared machine includes waiting for a core.
 *
 * <p>Arguments: photos (default 10000), queries per case (default 200), data directory (default a temp dir).
 */
public final class SearchBenchmark {
  private static final int DIMENSION = 512;
  private static final String CLIP = "bench/clip@1";
  private static final String FACES = "bench/faces@1";
  private static final String[] WORDS = {"receipt", "total", "tesco", "invoice", "menu", "ticket", "station",
      "coffee", "street", "exit", "parking", "museum", "sale", "open", "closed", "bank"};

  private SearchBenchmark() {}

  /**
   * Runs the benchmark.
   *
   * @param args photos, queries per case, data directory
   * @throws Exception if it fails
   */
  public static void main(String[] args) throws Exception {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
    int queries = args.length > 1 ? Integer.parseInt(args[1]) : 200;
    Path data = args.length > 2 ? Path.of(args[2]) : Files.createTempDirectory("fmp-search-bench");
    Random random = new Random(1);
    float[][] centres = new float[64][];
    for (int c = 0; c < centres.length; c++) {
      centres[c] = gaussian(random, 1);
    }
    float[][] images = new float[n][];
    for (int i = 0; i < n; i++) {
      images[i] = near(random, centres[random.nextInt(centres.length)], 0.7f);
    }
    float[][] faces = new float[n][];
    float[][] people = new float[200][];
    for (int p = 0; p < people.length; p++) {
      people[p] = gaussian(random, 1);
    }
    for (int i = 1; i < n; i += 2) {
      faces[i] = near(random, people[random.nextInt(people.length)], 0.3f);
    }
    long t0 = System.nanoTime();
    populate(data, n, images, faces, random);
    double populateS = (System.nanoTime() - t0) / 1e9;

    float[][] textQueries = new float[queries][];
    for (int q = 0; q < queries; q++) {
      textQueries[q] = near(random, centres[random.nextInt(centres.length)], 1.2f);
    }
    float[][] faceQueries = new float[queries][];
    for (int q = 0; q < queries; q++) {
      faceQueries[q] = near(random, people[random.nextInt(people.length)], 0.3f);
    }
    QueryVectors textVectors = new QueryVectors(textQueries);
    QueryVectors faceVectors = new QueryVectors(faceQueries);
    Picture dummy = Picture.ofRgb(1, 1, new byte[3]);
    Path root = Path.of("/bench");
    SearchFilter filtered = SearchFilter.builder().folder(root.resolve("f3"))
        .taken(LocalDateTime.of(2018, 1, 1, 0, 0), LocalDateTime.of(2023, 1, 1, 0, 0)).build();
    SearchFilter dates = SearchFilter.builder()
        .taken(LocalDateTime.of(2016, 1, 1, 0, 0), LocalDateTime.of(2020, 1, 1, 0, 0)).build();

    System.out.printf(Locale.ROOT, "# %d photos, %d-d; populate %.1f s; catalogue %.1f MB (%.0f bytes/photo)%n", n,
        DIMENSION, populateS, Files.size(data.resolve(Catalogue.FILE_NAME)) / 1e6,
        (double) Files.size(data.resolve(Catalogue.FILE_NAME)) / n);
    try (PhotoLibrary library = PhotoLibrary.open(data, LibraryOptions.builder()
        .decoder((f, s) -> { throw new UnsupportedOperationException(); })
        .clip(textVectors.clip(CLIP)).faces(faceVectors.faces(FACES, 0.8)).build())) {
      long b0 = System.nanoTime();
      VectorIndex imageIndex = library.vectorIndex(VectorKind.IMAGE).orElseThrow();
      double imageBuild = (System.nanoTime() - b0) / 1e9;
      b0 = System.nanoTime();
      library.vectorIndex(VectorKind.FACE).orElseThrow();
      double faceBuild = (System.nanoTime() - b0) / 1e9;
      System.out.printf(Locale.ROOT, "# index ready (built or loaded): image %.2f s (%s), faces %.2f s%n", imageBuild,
          imageIndex.getClass().getSimpleName(), faceBuild);
      System.out.printf(Locale.ROOT, "# recall@10 of the library's image index vs exact scan: %.4f%n",
          recall(imageIndex, images, textQueries));

      System.out.println("| query | filter | CPU p50 ms | CPU p95 ms | wall p50 ms | wall p95 ms | mean hits |");
      System.out.println("|---|---|---|---|---|---|---|");
      SearchRequest page = SearchRequest.firstPage(20);
      for (SearchFilter f : new SearchFilter[] {SearchFilter.NONE, dates, filtered}) {
        String label = f == SearchFilter.NONE ? "none" : f == dates ? "dates (40%)" : "folder + dates (5%)";
        SearchRequest r = page.withFilter(f);
        time("text (CLIP + OCR + name)", label, queries,
            q -> library.searchText(WORDS[q % WORDS.length] + " photo", r).hits().size());
        time("image (similar photo)", label, queries,
            q -> library.findSimilar(root.resolve("f" + (q * 7 % n % 10)).resolve(q * 7 % n + ".jpg"), false, r)
                .hits().size());
        time("face (person)", label, queries,
            q -> library.findPerson(List.of(FaceReference.largestFace(dummy)), r).hits().size());
        time("words (OCR prefix)", label, queries,
            q -> library.searchWords(WORDS[q % WORDS.length].substring(0, 3), FtsQuery.Mode.PREFIX, r).hits().size());
      }
    }
  }


  private static final java.lang.management.ThreadMXBean THREADS =
      java.lang.management.ManagementFactory.getThreadMXBean();

  private static void time(String name, String filter, int queries, java.util.function.IntUnaryOperator query) {
    for (int q = 0; q < Math.min(50, queries); q++) {
      query.applyAsInt(q);
    }
    long[] nanos = new long[queries];
    long[] cpu = new long[queries];
    long sum = 0;
    for (int q = 0; q < queries; q++) {
      long c = THREADS.getCurrentThreadCpuTime();
      long t = System.nanoTime();
      sum += query.applyAsInt(q);
      nanos[q] = System.nanoTime() - t;
      cpu[q] = THREADS.getCurrentThreadCpuTime() - c;
    }
    Arrays.sort(nanos);
    Arrays.sort(cpu);
    int p95 = (int) Math.ceil(queries * 0.95) - 1;
    System.out.printf(Locale.ROOT, "| %s | %s | %.2f | %.2f | %.2f | %.2f | %.1f |%n", name, filter,
        cpu[queries / 2] / 1e6, cpu[p95] / 1e6, nanos[queries / 2] / 1e6, nanos[p95] / 1e6, (double) sum / queries);
  }

  private static double recall(VectorIndex index, float[][] images, float[][] queries) {
    VectorIndex exact = VectorIndex.create(DIMENSION, 1);
    for (int i = 0; i < images.length; i++) {
      exact.add(i + 1, images[i]);
    }
    int found = 0;
    for (float[] q : queries) {
      Set<Long> truth = new HashSet<>();
      exact.search(q, 10, null).forEach(nb -> truth.add(nb.id()));
      for (Neighbor nb : index.search(q, 10, null)) {
        found += truth.contains(nb.id()) ? 1 : 0;
      }
    }
    return found / (10.0 * queries.length);
  }

  private static void populate(Path data, int n, float[][] images, float[][] faces, Random random) {
    try (Catalogue catalogue = Catalogue.open(data)) {
      long rootId = catalogue.write(c -> PhotoWrites.addRoot(c, Path.of("/bench")));
      if (catalogue.read(c -> dev.findmypic.index.catalogue.PhotoReads.stats(c)).indexedFiles() >= n) {
        return;
      }
      int batch = 1_000;
      for (int start = 0; start < n; start += batch) {
        int from = start;
        catalogue.write(c -> {
          for (int i = from; i < Math.min(n, from + batch); i++) {
            PhotoWrites.putAnalysed(c, photo(rootId, i, images[i], faces[i], random));
          }
          return null;
        });
      }
    }
  }

  private static AnalysedPhoto photo(long rootId, int i, float[] image, float[] face, Random random) {
    Path path = Path.of("/bench/f" + (i % 10) + "/" + i + ".jpg");
    LocalDateTime taken = LocalDateTime.of(2013 + random.nextInt(10), 1 + random.nextInt(12), 1, 12, 0);
    List<TextLine> lines = new ArrayList<>();
    if (i % 5 == 3) {
      lines.add(new TextLine(WORDS[random.nextInt(WORDS.length)] + " " + WORDS[random.nextInt(WORDS.length)] + " "
          + random.nextInt(1000), List.of(new Point(0, 0), new Point(10, 0), new Point(10, 5), new Point(0, 5)), 0.9f));
    }
    List<FaceRecord> faceRecords = face == null ? List.of()
        : List.of(new FaceRecord(new dev.findmypic.core.DetectedFace(new dev.findmypic.core.BoundingBox(10, 10, 50,
            50), List.of(), 0.99f), face));
    return new AnalysedPhoto(new FileRef(rootId, path, 3_000_000, 1_600_000_000_000L + i, Integer.toHexString(i)),
        new PhotoMetadata("jpeg", 4000, 3000, 1, taken, null, null, "bench"),
        Map.of(ModelRole.CLIP, CLIP, ModelRole.FACES, FACES, ModelRole.OCR, "bench/ocr@1"), image, null, faceRecords,
        new OcrResult(lines));
  }

  private static float[] gaussian(Random random, float scale) {
    float[] v = new float[DIMENSION];
    for (int d = 0; d < DIMENSION; d++) {
      v[d] = (float) random.nextGaussian() * scale;
    }
    return Vectors.normalizeInPlace(v);
  }

  private static float[] near(Random random, float[] centre, float spread) {
    float[] v = gaussian(random, 1);
    for (int d = 0; d < DIMENSION; d++) {
      v[d] = v[d] * spread + centre[d];
    }
    return Vectors.normalizeInPlace(v);
  }

}
