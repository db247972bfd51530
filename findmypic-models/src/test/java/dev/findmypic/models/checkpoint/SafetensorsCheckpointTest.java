package dev.findmypic.models.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.findmypic.core.ModelFormatException;
import dev.findmypic.core.testing.SharedData;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SafetensorsCheckpointTest {
  private static final Path CLIP = SharedData.path("reference/clip-tiny-a");

  @TempDir Path dir;

  @Test
  void readsTheF32CheckpointWithHubNames() {
    try (Checkpoint c = Checkpoints.open(CLIP.resolve("model.safetensors"))) {
      assertThat(c.names()).contains("vision_model.embeddings.patch_embedding.weight", "text_projection.weight",
          "logit_scale");
      Tensor patch = c.get("vision_model.embeddings.patch_embedding.weight");
      assertThat(patch.type()).isEqualTo(TensorType.F32);
      assertThat(patch.shape()).containsExactly(32, 3, 8, 8);
      assertThat(patch.data().remaining()).isEqualTo(32 * 3 * 8 * 8 * 4);
      assertThat(patch.data().order()).isEqualTo(ByteOrder.LITTLE_ENDIAN);
    }
  }

  @Test
  void halfAndBfloat16CheckpointsHoldTheSameWeightsWithinTheirPrecision() {
    try (Checkpoint f32 = Checkpoints.open(CLIP.resolve("model.safetensors"));
        Checkpoint f16 = Checkpoints.open(CLIP.resolve("model.f16.safetensors"));
        Checkpoint bf16 = Checkpoints.open(CLIP.resolve("model.bf16.safetensors"))) {
      assertThat(f16.names()).isEqualTo(f32.names());
      assertThat(bf16.names()).isEqualTo(f32.names());
      for (String name : f32.names()) {
        Tensor reference = f32.get(name);
        float[] expected = TensorArrays.toFloats(reference);
        assertWithin(name, expected, f16.get(name), TensorType.F16, 0x1p-11, reference.shape());
        assertWithin(name, expected, bf16.get(name), TensorType.BF16, 0x1p-8, reference.shape());
      }
    }
  }

  private static void assertWithin(String name, float[] expected, Tensor t, TensorType type, double relative,
      long[] shape) {
    assertThat(t.type()).as(name).isEqualTo(type);
    assertThat(t.shape()).as(name).containsExactly(shape);
    float[] actual = TensorArrays.toFloats(t);
    int worst = -1;
    double worstExcess = 0;
    for (int i = 0; i < expected.length; i++) {
      double excess = Math.abs(actual[i] - expected[i]) - (Math.abs(expected[i]) * relative + 6e-8);
      if (excess > worstExcess) {
        worst = i;
        worstExcess = excess;
      }
    }
    assertThat(worst).as("%s %s: element %d is outside %s precision", name, type, worst, type).isEqualTo(-1);
  }

  @Test
  void shardedIndexMapsNamesToLazilyOpenedShards() throws IOException {
    SafetensorsFiles.write(dir.resolve("model-00001-of-00002.safetensors"),
        "{\"a.weight\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,8]},\"__metadata__\":{\"format\":\"pt\"}}",
        SafetensorsFiles.floats(1, 2));
    SafetensorsFiles.write(dir.resolve("model-00002-of-00002.safetensors"),
        "{\"b.bias\":{\"dtype\":\"F32\",\"shape\":[1,3],\"data_offsets\":[0,12]}}", SafetensorsFiles.floats(3, 4, 5));
    Path index = Files.writeString(dir.resolve("model.safetensors.index.json"),
        "{\"metadata\":{\"total_size\":20},\"weight_map\":{\"a.weight\":\"model-00001-of-00002.safetensors\","
            + "\"b.bias\":\"model-00002-of-00002.safetensors\"}}");
    try (Checkpoint c = Checkpoints.open(index)) {
      assertThat(c.source()).isEqualTo(index);
      assertThat(c.names()).containsExactly("a.weight", "b.bias");
      assertThat(TensorArrays.toFloats(c.get("b.bias"))).containsExactly(3, 4, 5);
      assertThat(c.get("b.bias").shape()).containsExactly(1, 3);
      assertThat(TensorArrays.toFloats(c.get("a.weight"))).containsExactly(1, 2);
      assertThatThrownBy(() -> c.get("c")).isInstanceOf(ModelFormatException.class).hasMessageContaining("'c'");
    }
  }

  @Test
  void shardedIndexRefusesShardsOutsideItsDirectory() throws IOException {
    Path index = Files.writeString(dir.resolve("evil.index.json"),
        "{\"weight_map\":{\"a\":\"../etc/passwd\"}}");
    assertThatThrownBy(() -> Checkpoints.open(index)).isInstanceOf(ModelFormatException.class)
        .hasMessageContaining("../etc/passwd");
  }

  @Test
  void aReleasedTensorIsUnmappedAtOnceAndTheRestAtClose() throws IOException {
    Path maps = Path.of("/proc/self/maps");
    assumeTrue(Files.isReadable(maps), "needs /proc/self/maps (Linux) to see the process's mappings");
    Path file = SafetensorsFiles.write(dir.resolve("mapped-" + System.nanoTime() + ".safetensors"),
        "{\"a\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,8]},"
            + "\"b\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[8,12]}}",
        SafetensorsFiles.floats(1, 2, 3));
    try (Checkpoint c = Checkpoints.open(file)) {
      Tensor a = c.get("a");
      Tensor b = c.get("b");
      assertThat(TensorArrays.toFloats(a)).containsExactly(1, 2);
      assertThat(mappingsOf(maps, file)).isEqualTo(2);
      c.release(a);
      assertThat(mappingsOf(maps, file)).isEqualTo(1);
      c.release(new Tensor("b", TensorType.F32, new long[] {1}, ByteBuffer.allocate(4)));
      assertThat(mappingsOf(maps, file)).as("a tensor from elsewhere is ignored").isEqualTo(1);
      assertThat(TensorArrays.toFloats(b)).containsExactly(3);
      assertThat(TensorArrays.toFloats(c.get("a"))).as("a released tensor can be read again").containsExactly(1, 2);
    }
    assertThat(mappingsOf(maps, file)).isZero();
  }

  private static long mappingsOf(Path maps, Path file) throws IOException {
    String name = file.toRealPath().toString();
    return Files.readAllLines(maps).stream().filter(line -> line.endsWith(name)).count();
  }

  @Test
  void shardedIndexNamingATensorItsShardLacksFailsClearly() throws IOException {
    SafetensorsFiles.write(dir.resolve("s.safetensors"),
        "{\"x\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,4]}}", SafetensorsFiles.floats(1));
    Path index = Files.writeString(dir.resolve("m.index.json"), "{\"weight_map\":{\"y\":\"s.safetensors\"}}");
    try (Checkpoint c = Checkpoints.open(index)) {
      assertThatThrownBy(() -> c.get("y")).isInstanceOf(ModelFormatException.class)
          .hasMessageContaining("s.safetensors").hasMessageContaining("'y'");
    }
  }

  @Test
  void truncatedFileIsRejected() throws IOException {
    byte[] whole = Files.readAllBytes(CLIP.resolve("model.safetensors"));
    Path cut = Files.write(dir.resolve("cut.safetensors"), Arrays.copyOf(whole, whole.length / 2));
    assertThatThrownBy(() -> Checkpoints.open(cut)).isInstanceOf(ModelFormatException.class)
        .hasMessageContaining(cut.toString()).hasMessageContaining("past the end");
    Path tiny = Files.write(dir.resolve("tiny.safetensors"), Arrays.copyOf(whole, 5));
    assertThatThrownBy(() -> Checkpoints.open(tiny)).isInstanceOf(ModelFormatException.class)
        .hasMessageContaining(tiny.toString());
  }

  @Test
  void headerLengthOfTwoGigabytesIsRejectedBeforeAllocating() throws IOException {
    Path f = SafetensorsFiles.write(dir.resolve("huge-header.safetensors"), 2L << 30, "{}", new byte[0]);
    assertThatThrownBy(() -> Checkpoints.open(f)).isInstanceOf(ModelFormatException.class)
        .hasMessageContaining("header length 2147483648");
    Path g = SafetensorsFiles.write(dir.resolve("negative.safetensors"), -1, "{}", new byte[0]);
    assertThatThrownBy(() -> Checkpoints.open(g)).isInstanceOf(ModelFormatException.class)
        .hasMessageContaining("header length");
  }

  @Test
  void headerPointingPastTheEndIsRejected() throws IOException {
    Path f = SafetensorsFiles.write(dir.resolve("past.safetensors"),
        "{\"w\":{\"dtype\":\"F32\",\"shape\":[4],\"data_offsets\":[0,16]}}", SafetensorsFiles.floats(1, 2));
    assertThatThrownBy(() -> Checkpoints.open(f)).isInstanceOf(ModelFormatException.class)
        .hasMessageContaining("'w'").hasMessageContaining("past the end");
  }

  @Test
  void overlappingTensorsAreRejected() throws IOException {
    Path f = SafetensorsFiles.write(dir.resolve("overlap.safetensors"),
        "{\"a\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,8]},"
            + "\"b\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[4,12]}}",
        SafetensorsFiles.floats(1, 2, 3));
    assertThatThrownBy(() -> Checkpoints.open(f)).isInstanceOf(ModelFormatException.class)
        .hasMessageContaining("overlap");
  }

  @Test
  void dtypeTimesShapeMustEqualTheByteLength() throws IOException {
    Path f = SafetensorsFiles.write(dir.resolve("mismatch.safetensors"),
        "{\"a\":{\"dtype\":\"F16\",\"shape\":[3],\"data_offsets\":[0,8]}}", SafetensorsFiles.floats(1, 2));
    assertThatThrownBy(() -> Checkpoints.open(f)).isInstanceOf(ModelFormatException.class)
        .hasMessageContaining("needs 6 bytes").hasMessageContaining("span 8");
  }

  @Test
  void malformedHeadersAreRejected() throws IOException {
    String[] headers = {
        "{\"a\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,4]}",  // not closed
        "[1,2]",
        "{\"a\":{\"dtype\":\"C64\",\"shape\":[1],\"data_offsets\":[0,4]}}",
        "{\"a\":{\"dtype\":\"F32\",\"shape\":[-1],\"data_offsets\":[0,4]}}",
        "{\"a\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[4,0]}}",
        "{\"a\":{\"dtype\":\"F32\",\"shape\":[4294967296,4294967296,4],\"data_offsets\":[0,4]}}",
        "{\"a\":{\"dtype\":\"F32\",\"shape\":[1.5],\"data_offsets\":[0,4]}}",
    };
    for (int i = 0; i < headers.length; i++) {
      Path f = SafetensorsFiles.write(dir.resolve("bad" + i + ".safetensors"), headers[i], SafetensorsFiles.floats(1));
      assertThatThrownBy(() -> Checkpoints.open(f)).as(headers[i]).isInstanceOf(ModelFormatException.class)
          .hasMessageContaining(f.toString());
    }
  }

  @Test
  void unknownFormatIsRejected() throws IOException {
    Path f = Files.writeString(dir.resolve("notes.bin"), "hello, this is not a checkpoint");
    assertThatThrownBy(() -> Checkpoints.open(f)).isInstanceOf(ModelFormatException.class)
        .hasMessageContaining("not a recognised checkpoint");
  }

  /** A sparse file over 2 GiB: the tensor after the 2 GiB mark is mapped and read; the huge one fails clearly. */
  @Test
  void filesOverTwoGigabytesAreMappedPerTensor() throws IOException {
    long big = (1L << 31) + 64;
    String header = "{\"pad\":{\"dtype\":\"U8\",\"shape\":[" + big + "],\"data_offsets\":[0," + big + "]},"
        + "\"tail\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[" + big + "," + (big + 8) + "]}}";
    Path f = SafetensorsFiles.write(dir.resolve("big.safetensors"), header, new byte[0]);
    long dataStart = Files.size(f);
    try (RandomAccessFile raf = new RandomAccessFile(f.toFile(), "rw")) {
      raf.setLength(dataStart + big + 8);
    }
    try (FileChannel ch = FileChannel.open(f, StandardOpenOption.WRITE)) {
      ch.write(ByteBuffer.wrap(SafetensorsFiles.floats(1.25f, -7f)), dataStart + big);
    }
    try (Checkpoint c = Checkpoints.open(f)) {
      assertThat(TensorArrays.toFloats(c.get("tail"))).containsExactly(1.25f, -7f);
      assertThatThrownBy(() -> c.get("pad")).isInstanceOf(ModelFormatException.class)
          .hasMessageContaining("2 GiB");
    }
  }

  @Test
  void prefixHelperDropsModulePrefixes() throws IOException {
    Path f = SafetensorsFiles.write(dir.resolve("ddp.safetensors"),
        "{\"module.a\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,4]},"
            + "\"b\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[4,8]}}", SafetensorsFiles.floats(1, 2));
    try (Checkpoint c = Checkpoints.withoutPrefix(Checkpoints.open(f), "module.")) {
      assertThat(c.names()).containsExactlyInAnyOrder("a", "b");
      assertThat(c.get("a").name()).isEqualTo("a");
      assertThat(TensorArrays.toFloats(c.get("a"))).containsExactly(1);
    }
  }
}
