package dev.findmypic.index.vectors;

import static org.assertj.core.api.Assertions.assertThat;

import dev.findmypic.index.catalogue.VectorKind;
import dev.findmypic.index.catalogue.VectorSetId;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IndexFilesTest {
  static volatile boolean gadgetRan;

  /** A class whose deserialisation has a side effect, standing in for a gadget chain. */
  static final class Gadget implements Serializable {
    private static final long serialVersionUID = 1L;

    private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
      in.defaultReadObject();
      gadgetRan = true;
    }
  }

  @TempDir Path dir;

  private static int hostileLength(Object hostile) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream objects = new ObjectOutputStream(bytes)) {
      objects.writeObject(hostile);
    }
    return bytes.size();
  }
  final VectorSetId set = new VectorSetId(VectorKind.IMAGE, "fake/clip@r1");

  private HnswVectorIndex index(int n) {
    float[][] data = SyntheticVectors.clustered(n, 16, 4, 5);
    HnswVectorIndex hnsw = new HnswVectorIndex(16, n, HnswVectorIndex.DEFAULT_EF);
    for (int i = 0; i < n; i++) {
      hnsw.add(i, data[i]);
    }
    return hnsw;
  }

  @Test
  void savedIndexLoadsBackAndSearchesTheSame() throws IOException {
    HnswVectorIndex saved = index(300);
    IndexFiles.Header header = new IndexFiles.Header(set, 7, 16, 300);
    Path file = dir.resolve("x.hnsw");
    IndexFiles.save(saved, header, file);
    HnswVectorIndex loaded = IndexFiles.load(file, header).orElseThrow();
    float[] query = saved.vector(42);
    assertThat(loaded.search(query, 10, null)).isEqualTo(saved.search(query, 10, null));
  }

  @Test
  void staleForeignTruncatedOrTamperedFilesAreNotUsed() throws IOException {
    IndexFiles.Header header = new IndexFiles.Header(set, 7, 16, 300);
    Path file = dir.resolve("x.hnsw");
    IndexFiles.save(index(300), header, file);
    assertThat(IndexFiles.load(file, new IndexFiles.Header(set, 8, 16, 300))).as("stale").isEmpty();
    assertThat(IndexFiles.load(file, new IndexFiles.Header(new VectorSetId(VectorKind.IMAGE, "other@r"), 7, 16, 300)))
        .as("another model").isEmpty();
    assertThat(IndexFiles.load(dir.resolve("missing.hnsw"), header)).as("missing").isEmpty();

    byte[] bytes = Files.readAllBytes(file);
    Path truncated = dir.resolve("t.hnsw");
    Files.write(truncated, java.util.Arrays.copyOf(bytes, bytes.length / 2));
    assertThat(IndexFiles.load(truncated, header)).as("truncated").isEmpty();

    byte[] versioned = bytes.clone();
    versioned[11] = 99;
    Path foreign = dir.resolve("v.hnsw");
    Files.write(foreign, versioned);
    assertThat(IndexFiles.load(foreign, header)).as("foreign format version").isEmpty();

    byte[] flipped = bytes.clone();
    flipped[bytes.length - 100] ^= 0x01;
    Path damaged = dir.resolve("d.hnsw");
    Files.write(damaged, flipped);
    assertThat(IndexFiles.load(damaged, header)).as("one bit flipped in a vector").isEmpty();

    Path garbage = dir.resolve("g.hnsw");
    Files.write(garbage, "not an index".getBytes());
    assertThat(IndexFiles.load(garbage, header)).as("garbage").isEmpty();
  }

  @Test
  void hostileSerialisedObjectsAreRejectedBeforeTheyRun() throws IOException {
    IndexFiles.Header header = new IndexFiles.Header(set, 1, 16, 1);
    for (Object hostile : new Object[] {new Gadget(), new HashMap<>(java.util.Map.of("a", new Gadget()))}) {
      gadgetRan = false;
      Path file = dir.resolve("hostile.hnsw");
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      try (DataOutputStream out = new DataOutputStream(bytes)) {
        out.writeLong(0x464d50564944585fL);
        out.writeInt(IndexFiles.FORMAT_VERSION);
        out.writeUTF("IMAGE");
        out.writeUTF("fake/clip@r1");
        out.writeLong(1);
        out.writeInt(16);
        out.writeInt(1);
        out.writeLong(0);
        ObjectOutputStream objects = new ObjectOutputStream(out);
        objects.writeObject(hostile);
        objects.flush();
      }
      byte[] raw = bytes.toByteArray();
      int payload = raw.length - hostileLength(hostile);
      java.util.zip.CRC32C crc = new java.util.zip.CRC32C();
      crc.update(raw, payload, raw.length - payload);
      java.nio.ByteBuffer.wrap(raw, payload - 8, 8).putLong(crc.getValue()); // a valid checksum: only the filter stops it
      Files.write(file, raw);
      assertThat(IndexFiles.load(file, header)).isEmpty();
      assertThat(gadgetRan).as("the gadget's readObject never ran").isFalse();
    }
  }
}
