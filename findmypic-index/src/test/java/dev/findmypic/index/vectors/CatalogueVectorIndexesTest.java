package dev.findmypic.index.vectors;

import static org.assertj.core.api.Assertions.assertThat;

import dev.findmypic.core.ModelRole;
import dev.findmypic.core.OcrResult;
import dev.findmypic.core.PhotoMetadata;
import dev.findmypic.index.catalogue.AnalysedPhoto;
import dev.findmypic.index.catalogue.Catalogue;
import dev.findmypic.index.catalogue.FileRef;
import dev.findmypic.index.catalogue.PhotoWrites;
import dev.findmypic.index.catalogue.VectorKind;
import dev.findmypic.index.catalogue.VectorSetId;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CatalogueVectorIndexesTest {
  private static final int DIMENSION = 16;
  private static final VectorSetId SET = new VectorSetId(VectorKind.IMAGE, "m@1");

  @TempDir Path dir;

  private static void put(Catalogue catalogue, long root, int i, float[] v, String key) {
    catalogue.write(c -> PhotoWrites.putAnalysed(c, new AnalysedPhoto(
        new FileRef(root, Path.of("/r/" + i + ".jpg"), 1, i, "h" + i + "-" + v[0]),
        new PhotoMetadata("jpeg", 1, 1, 1, null, null, null, null), Map.of(ModelRole.CLIP, key), v, null, List.of(),
        OcrResult.EMPTY)));
  }

  private static List<Long> ids(List<Neighbor> ns) {
    return ns.stream().map(Neighbor::id).toList();
  }

  /** The exact answer, from an exact index filled with what the catalogue should hold. */
  private static List<Long> exact(float[][] data, boolean[] present, float[] query) {
    ExactVectorIndex exact = new ExactVectorIndex(DIMENSION);
    for (int i = 0; i < data.length; i++) {
      if (present[i]) {
        exact.add(i + 1, data[i]);
      }
    }
    return ids(exact.search(query, 10, null));
  }

  @Test
  void graphsFollowTheCatalogueAreCachedInFilesAndNeverMixModels() throws Exception {
    float[][] data = SyntheticVectors.clustered(120, DIMENSION, 6, 9);
    boolean[] present = new boolean[data.length];
    try (Catalogue catalogue = Catalogue.open(dir)) {
      long root = catalogue.write(c -> PhotoWrites.addRoot(c, Path.of("/r")));
      for (int i = 0; i < 100; i++) {
        put(catalogue, root, i + 1, data[i], "m@1");
        present[i] = true;
      }
      put(catalogue, root, 500, data[110], "m@2");
      CatalogueVectorIndexes indexes = new CatalogueVectorIndexes(catalogue, dir.resolve("vectors"), 50);
      VectorIndex first = indexes.get(SET).orElseThrow();
      assertThat(first).isInstanceOf(HnswVectorIndex.class);
      assertThat(first.size()).as("the other model's vector is not in it").isEqualTo(100);
      assertThat(indexes.get(new VectorSetId(VectorKind.IMAGE, "m@2")).orElseThrow().size()).isEqualTo(1);
      assertThat(indexes.get(new VectorSetId(VectorKind.TEXT, "m@1"))).isEmpty();
      assertThat(ids(first.search(data[3], 10, null))).isEqualTo(exact(data, present, data[3]));
      assertThat(Files.exists(indexes.fileOf(SET))).isTrue();

      catalogue.write(c -> {
        PhotoWrites.deleteFiles(c, List.of(1L, 2L));
        return null;
      });
      present[0] = false;
      present[1] = false;
      put(catalogue, root, 5, data[100], "m@1");
      data[4] = data[100];
      for (int i = 101; i < 120; i++) {
        put(catalogue, root, i + 1, data[i], "m@1");
        present[i] = true;
      }
      VectorIndex updated = indexes.get(SET).orElseThrow();
      assertThat(updated).as("updated in place").isSameAs(first);
      assertThat(updated.size()).isEqualTo(117);
      for (int q : new int[] {0, 4, 100, 115}) {
        assertThat(ids(updated.search(data[q], 10, null))).as("query " + q).isEqualTo(exact(data, present, data[q]));
      }

      CatalogueVectorIndexes nextProcess = new CatalogueVectorIndexes(catalogue, dir.resolve("vectors"), 50);
      VectorIndex loaded = nextProcess.get(SET).orElseThrow();
      assertThat(ids(loaded.search(data[7], 10, null))).isEqualTo(exact(data, present, data[7]));

      byte[] bytes = Files.readAllBytes(indexes.fileOf(SET));
      bytes[bytes.length / 2] ^= 0x5a;
      Files.write(indexes.fileOf(SET), bytes);
      CatalogueVectorIndexes afterTampering = new CatalogueVectorIndexes(catalogue, dir.resolve("vectors"), 50);
      assertThat(ids(afterTampering.get(SET).orElseThrow().search(data[9], 10, null)))
          .isEqualTo(exact(data, present, data[9]));
    }
  }
}
