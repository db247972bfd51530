package dev.findmypic.index.vectors;

import dev.findmypic.core.Vectors;
import dev.findmypic.index.catalogue.Catalogue;
import dev.findmypic.index.catalogue.PhotoReads;
import dev.findmypic.index.catalogue.VectorKind;
import dev.findmypic.index.catalogue.VectorSetId;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Locale;
import java.util.Random;
import java.util.Set;

/**
 * Recall@10 and CPU time of the HNSW image index of a {@code SearchBenchmark} library for several values of ef,
 * against an exact scan, with text-like queries (a cluster centre plus wide noise, as the benchmark draws them).
 *
 * <p>Arguments: the benchmark's data directory.
 */
public final class EfSweep {
  private EfSweep() {}

  /**
   * Runs the sweep.
   *
   * @param args the data directory
   */
  public static void main(String[] args) {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    try (Catalogue catalogue = Catalogue.open(Path.of(args[0]))) {
      VectorSetId set = new VectorSetId(VectorKind.IMAGE, "bench/clip@1");
      HnswVectorIndex hnsw = (HnswVectorIndex) new CatalogueVectorIndexes(catalogue, Path.of(args[0], "vectors"), 20_000)
          .get(set).orElseThrow();
      ExactVectorIndex exact = new ExactVectorIndex(512);
      catalogue.read(c -> PhotoReads.forEachVector(c, set, exact::add));
      Random random = new Random(1);
      float[][] centres = new float[64][];
      for (int c = 0; c < centres.length; c++) {
        centres[c] = gaussian(random);
      }
      Random queryRandom = new Random(77);
      float[][] queries = new float[200][];
      for (int q = 0; q < queries.length; q++) {
        float[] noise = gaussian(queryRandom);
        float[] centre = centres[queryRandom.nextInt(centres.length)];
        for (int d = 0; d < 512; d++) {
          noise[d] = noise[d] * 1.2f + centre[d];
        }
        queries[q] = Vectors.normalizeInPlace(noise);
      }
      Set<Long>[] truth = new Set[queries.length];
      for (int q = 0; q < queries.length; q++) {
        truth[q] = new HashSet<>();
        for (Neighbor n : exact.search(queries[q], 10, null)) {
          truth[q].add(n.id());
        }
      }
      System.out.println("| ef | recall@10 | CPU p50 ms | CPU p95 ms |");
      System.out.println("|---|---|---|---|");
      for (int ef : new int[] {120, 200, 300, 400, 600}) {
        hnsw.graph().setEf(ef);
        long[] cpu = new long[queries.length];
        int found = 0;
        for (int q = 0; q < queries.length; q++) {
          long t = threads.getCurrentThreadCpuTime();
          for (Neighbor n : hnsw.search(queries[q], 10, null)) {
            found += truth[q].contains(n.id()) ? 1 : 0;
          }
          cpu[q] = threads.getCurrentThreadCpuTime() - t;
        }
        Arrays.sort(cpu);
        System.out.printf(Locale.ROOT, "| %d | %.4f | %.2f | %.2f |%n", ef, found / (10.0 * queries.length),
            cpu[queries.length / 2] / 1e6, cpu[(int) (queries.length * 0.95) - 1] / 1e6);
      }
    }
  }

  private static float[] gaussian(Random random) {
    float[] v = new float[512];
    for (int d = 0; d < 512; d++) {
      v[d] = (float) random.nextGaussian();
    }
    return Vectors.normalizeInPlace(v);
  }
}
