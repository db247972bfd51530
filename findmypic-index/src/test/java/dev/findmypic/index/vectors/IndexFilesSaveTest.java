package dev.findmypic.index.vectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.findmypic.index.catalogue.VectorKind;
import dev.findmypic.index.catalogue.VectorSetId;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How index files are written: through a temporary file that never outlives a failed save or a killed process. */
class IndexFilesSaveTest {
  private final VectorSetId set = new VectorSetId(VectorKind.IMAGE, "fake/clip@r1");
  private final IndexFiles.Header header = new IndexFiles.Header(set, 3, 16, 50);

  @TempDir Path dir;

  private static HnswVectorIndex index() {
    float[][] data = SyntheticVectors.clustered(50, 16, 4, 9);
    HnswVectorIndex hnsw = new HnswVectorIndex(16, 50, HnswVectorIndex.DEFAULT_EF);
    for (int i = 0; i < data.length; i++) {
      hnsw.add(i, data[i]);
    }
    return hnsw;
  }

  @Test
  void aFailedSaveLeavesNoTemporaryFile() throws IOException {
    Path file = dir.resolve("x.hnsw");
    Files.createDirectories(file.resolve("in-the-way")); // a non-empty directory cannot be replaced by a file
    assertThatThrownBy(() -> IndexFiles.save(index(), header, file)).isInstanceOf(IOException.class);
    assertThat(names()).containsExactly("x.hnsw");
  }

  @Test
  void temporaryFilesAbandonedAnHourAgoAreDeletedByTheNextSave() throws IOException {
    Path file = dir.resolve("x.hnsw");
    Path abandoned = Files.writeString(dir.resolve("x.hnsw123.tmp"), "half written");
    Files.setLastModifiedTime(abandoned, FileTime.from(Instant.now().minus(2, ChronoUnit.HOURS)));
    Path recent = Files.writeString(dir.resolve("x.hnsw456.tmp"), "being written by another process");
    Path otherSet = Files.writeString(dir.resolve("y.hnsw789.tmp"), "another set's");
    Files.setLastModifiedTime(otherSet, FileTime.from(Instant.now().minus(2, ChronoUnit.HOURS)));

    IndexFiles.save(index(), header, file);

    assertThat(names()).containsExactlyInAnyOrder("x.hnsw", recent.getFileName().toString(),
        otherSet.getFileName().toString());
    assertThat(IndexFiles.load(file, header)).isPresent();
  }

  private java.util.List<String> names() throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.map(p -> p.getFileName().toString()).toList();
    }
  }
}
