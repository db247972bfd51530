package dev.findmypic.index.vectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class VectorIndexTest {
  private static final int DIMENSION = 64;

  private static List<Long> ids(List<Neighbor> neighbors) {
    return neighbors.stream().map(Neighbor::id).toList();
  }

  @Test
  void hnswAgreesWithExactScanOnTopTen() {
    float[][] data = SyntheticVectors.clustered(3_000, DIMENSION, 30, 7);
    ExactVectorIndex exact = new ExactVectorIndex(DIMENSION);
    HnswVectorIndex hnsw = new HnswVectorIndex(DIMENSION, data.length, HnswVectorIndex.DEFAULT_EF);
    for (int i = 0; i < data.length; i++) {
      exact.add(i, data[i]);
      hnsw.add(i, data[i]);
    }
    Random random = new Random(11);
    int found = 0;
    int queries = 200;
    for (int q = 0; q < queries; q++) {
      float[] query = data[random.nextInt(data.length)].clone();
      query[random.nextInt(DIMENSION)] += 0.1f;
      dev.findmypic.core.Vectors.normalizeInPlace(query);
      Set<Long> truth = new HashSet<>(ids(exact.search(query, 10, null)));
      for (long id : ids(hnsw.search(query, 10, null))) {
        found += truth.contains(id) ? 1 : 0;
      }
    }
    double recall = found / (10.0 * queries);
    System.out.printf("hnsw recall@10 on 3,000 x %d: %.4f%n", DIMENSION, recall);
    assertThat(recall).isGreaterThanOrEqualTo(0.98);
  }

  @Test
  void onSmallSetsBothKindsGiveTheSameTopResultsWithAndWithoutFilters() {
    float[][] data = SyntheticVectors.clustered(500, DIMENSION, 5, 3);
    ExactVectorIndex exact = new ExactVectorIndex(DIMENSION);
    HnswVectorIndex hnsw = new HnswVectorIndex(DIMENSION, 16, HnswVectorIndex.DEFAULT_EF);
    for (int i = 0; i < data.length; i++) {
      exact.add(100 + i, data[i]);
      hnsw.add(100 + i, data[i]);
    }
    IdFilter odd = IdFilter.of(id -> id % 2 == 1);
    IdFilter few = IdFilter.ofIds(new long[] {101, 150, 199, 420, 598, 7});
    for (int q = 0; q < 20; q++) {
      float[] query = data[q * 7];
      assertThat(ids(hnsw.search(query, 10, null))).isEqualTo(ids(exact.search(query, 10, null)));
      List<Long> oddIds = ids(hnsw.search(query, 10, odd));
      assertThat(oddIds).isEqualTo(ids(exact.search(query, 10, odd))).allMatch(id -> id % 2 == 1).hasSize(10);
      assertThat(ids(hnsw.search(query, 10, few))).isEqualTo(ids(exact.search(query, 10, few)))
          .containsExactlyInAnyOrderElementsOf(List.of(101L, 150L, 199L, 420L, 598L));
    }
  }

  @Test
  void resultsAreOrderedBySimilarityThenIdAndRemovedVectorsAreGone() {
    ExactVectorIndex exact = new ExactVectorIndex(2);
    exact.add(5, new float[] {1, 0});
    exact.add(3, new float[] {1, 0});
    exact.add(9, new float[] {0, 1});
    exact.add(4, new float[] {0.6f, 0.8f});
    assertThat(exact.search(new float[] {1, 0}, 3, null)).containsExactly(
        new Neighbor(3, 1), new Neighbor(5, 1), new Neighbor(4, 0.6f));
    assertThat(exact.remove(3)).isTrue();
    assertThat(exact.remove(3)).isFalse();
    assertThat(exact.vector(3)).isNull();
    assertThat(exact.vector(4)).containsExactly(0.6f, 0.8f);
    assertThat(ids(exact.search(new float[] {1, 0}, 10, null))).containsExactly(5L, 4L, 9L);
    assertThat(exact.size()).isEqualTo(3);
  }

  @Test
  void createPicksByExpectedSizeAndRejectsWrongLengths() {
    assertThat(VectorIndex.create(4, 100)).isInstanceOf(ExactVectorIndex.class);
    assertThat(VectorIndex.create(4, VectorIndex.EXACT_UP_TO + 1)).isInstanceOf(HnswVectorIndex.class);
    VectorIndex index = VectorIndex.create(4, 10);
    assertThatThrownBy(() -> index.add(1, new float[3])).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("4 elements");
  }
}
