package dev.findmypic.models.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.findmypic.core.ModelFormatException;
import dev.findmypic.core.testing.SharedData;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TorchCheckpointTest {
  @TempDir Path dir;

  @ParameterizedTest
  @ValueSource(strings = {"pytorch_model.bin", "pytorch_model.legacy.bin"})
  void torchSaveFilesHoldExactlyTheSafetensorsWeights(String file) {
    try (Checkpoint reference = Checkpoints.open(SharedData.path("reference/clip-tiny-a/model.safetensors"));
        Checkpoint bin = Checkpoints.open(SharedData.path("reference/clip-tiny-a-bins/" + file))) {
      assertThat(bin.names()).containsExactlyInAnyOrderElementsOf(reference.names());
      for (String name : reference.names()) {
        Tensor expected = reference.get(name);
        Tensor actual = bin.get(name);
        assertThat(actual.type()).as(name).isEqualTo(expected.type());
        assertThat(actual.shape()).as(name).containsExactly(expected.shape());
        assertThat(actual.data()).as(name).isEqualTo(expected.data());
      }
    }
  }

  @Test
  void mtcnnLegacyWeightsHaveTheNamesAndShapesOfKeysTxt() throws IOException {
    Map<String, List<String[]>> keys = new java.util.HashMap<>();
    for (String line : Files.readAllLines(SharedData.path("models/mtcnn-facenet-pytorch/keys.txt"))) {
      if (!line.isBlank() && !line.startsWith("#")) {
        String[] f = line.split("\t");
        keys.computeIfAbsent(f[0], k -> new ArrayList<>()).add(f);
      }
    }
    assertThat(keys).containsOnlyKeys("pnet", "rnet", "onet");
    for (var net : keys.entrySet()) {
      try (Checkpoint c = Checkpoints.open(SharedData.path("models/mtcnn-facenet-pytorch/" + net.getKey() + ".pt"))) {
        assertThat(c.names()).containsExactlyElementsOf(net.getValue().stream().map(f -> f[1]).toList());
        for (String[] f : net.getValue()) {
          Tensor t = c.get(f[1]);
          assertThat(t.type()).isEqualTo(TensorType.F32);
          assertThat(Arrays.toString(t.shape())).isEqualTo(f[3]);
          float[] values = TensorArrays.toFloats(t);
          double sumOfSquares = 0;
          for (float v : values) {
            assertThat(v).as(f[1]).isFinite();
            sumOfSquares += v * v;
          }
          assertThat(sumOfSquares).as("%s is not all zeros", f[1]).isPositive();
        }
      }
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"partial_legacy.pt", "partial_zip.pt"})
  void facenetPartialCheckpointsMatchTheirArrays(String file) {
    try (Checkpoint reference = Checkpoints.open(SharedData.path("reference/facenet-mtcnn/reference.safetensors"));
        Checkpoint c = Checkpoints.open(SharedData.path("reference/facenet-mtcnn/" + file))) {
      assertThat(c.names()).hasSize(6);
      for (String name : c.names()) {
        Tensor expected = reference.get("partial." + name);
        Tensor actual = c.get(name);
        assertThat(actual.type()).as(name).isEqualTo(expected.type());
        assertThat(actual.shape()).as(name).containsExactly(expected.shape());
        assertThat(actual.data()).as(name).isEqualTo(expected.data());
      }
      assertThat(c.get("conv2d_1a.bn.num_batches_tracked").type()).isEqualTo(TensorType.I64);
    }
  }

  /** Training checkpoint with a nested state_dict: strides, offsets, shared storage, every dtype, a Parameter. */
  @ParameterizedTest
  @ValueSource(strings = {"layouts.zip.pt", "layouts.legacy.pt"})
  void layoutsAreMadeContiguousAsTorchReadsThem(String file) throws Exception {
    JsonObject expected;
    try (InputStream in = Objects.requireNonNull(getClass().getResourceAsStream("/checkpoint/layouts.expected.json"))) {
      expected = JsonParser.parseString(new String(in.readAllBytes(), StandardCharsets.UTF_8)).getAsJsonObject();
    }
    Path path = Path.of(Objects.requireNonNull(getClass().getResource("/checkpoint/" + file)).toURI());
    try (Checkpoint c = Checkpoints.withoutPrefix(Checkpoints.open(path), "module.")) {
      assertThat(c.names()).hasSize(expected.size());
      for (Map.Entry<String, JsonElement> e : expected.entrySet()) {
        String name = e.getKey().substring("module.".length());
        JsonObject want = e.getValue().getAsJsonObject();
        Tensor t = c.get(name);
        assertThat(t.type()).as(name).isEqualTo(typeOf(want.get("dtype").getAsString()));
        long[] shape = new long[want.getAsJsonArray("shape").size()];
        Arrays.setAll(shape, i -> want.getAsJsonArray("shape").get(i).getAsLong());
        assertThat(t.shape()).as(name).containsExactly(shape);
        var values = want.getAsJsonArray("values");
        if (t.type() == TensorType.F64) {
          for (int i = 0; i < values.size(); i++) {
            assertThat(t.data().getDouble(8 * i)).as(name).isEqualTo(values.get(i).getAsDouble());
          }
        } else {
          float[] actual = TensorArrays.toFloats(t);
          assertThat(actual).as(name).hasSize(values.size());
          for (int i = 0; i < actual.length; i++) {
            assertThat(actual[i]).as("%s[%d]", name, i).isEqualTo(values.get(i).getAsFloat());
          }
        }
      }
    }
  }

  private static TensorType typeOf(String torchDtype) {
    return switch (torchDtype) {
      case "float32" -> TensorType.F32;
      case "float16" -> TensorType.F16;
      case "bfloat16" -> TensorType.BF16;
      case "float64" -> TensorType.F64;
      case "int64" -> TensorType.I64;
      case "int32" -> TensorType.I32;
      case "uint8" -> TensorType.U8;
      case "bool" -> TensorType.BOOL;
      default -> throw new AssertionError(torchDtype);
    };
  }

  /** {@code cos\nsystem\n(S'touch MARKER'\ntR.} — the classic hostile pickle, as protocol 2 and as protocol 0. */
  private byte[] osSystemPickle(Path marker, boolean protocol2) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    if (protocol2) {
      out.write(0x80);
      out.write(2);
    }
    out.writeBytes(("cos\nsystem\n(S'touch " + marker + "'\ntR.").getBytes(StandardCharsets.US_ASCII));
    return out.toByteArray();
  }

  @Test
  void legacyFileNamingOsSystemIsRefusedAndNothingRuns() throws IOException {
    Path marker = dir.resolve("pwned");
    Path file = Files.write(dir.resolve("evil.pt"), osSystemPickle(marker, true));
    assertThatThrownBy(() -> Checkpoints.open(file)).isInstanceOf(ModelFormatException.class)
        .hasMessageContaining(file.toString()).hasMessageContaining("os.system");
    assertThat(marker).doesNotExist();
  }

  @Test
  void zipFileNamingOsSystemIsRefusedAndNothingRuns() throws IOException {
    Path marker = dir.resolve("pwned");
    Path file = dir.resolve("evil.bin");
    try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
      zip.putNextEntry(new ZipEntry("archive/data.pkl"));
      zip.write(osSystemPickle(marker, false));
      zip.closeEntry();
    }
    assertThatThrownBy(() -> Checkpoints.open(file)).isInstanceOf(ModelFormatException.class)
        .hasMessageContaining(file.toString()).hasMessageContaining("os.system");
    assertThat(marker).doesNotExist();
  }

  @Test
  void hostileGlobalInsideTheStateDictIsRefused() throws IOException {
    // a valid legacy header (magic, protocol, sys info) borrowed from pnet.pt, then a pickle using builtins.eval
    byte[] pnet = Files.readAllBytes(SharedData.path("models/mtcnn-facenet-pytorch/pnet.pt"));
    int headerEnd = legacyHeaderLength(pnet);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(pnet, 0, headerEnd);
    out.writeBytes(new byte[] {(byte) 0x80, 2});
    out.writeBytes("cbuiltins\neval\n(S'1+1'\ntR.".getBytes(StandardCharsets.US_ASCII));
    Path file = Files.write(dir.resolve("eval.pt"), out.toByteArray());
    assertThatThrownBy(() -> Checkpoints.open(file)).isInstanceOf(ModelFormatException.class)
        .hasMessageContaining("builtins.eval");
  }

  /** The end of the third pickle (sys info): the third STOP opcode ('.') of the file. */
  private static int legacyHeaderLength(byte[] file) {
    int stops = 0;
    for (int i = 0; i < file.length; i++) {
      // magic, protocol and sys info are short pickles whose only '.' bytes are their STOP opcodes
      if (file[i] == '.' && ++stops == 3) {
        return i + 1;
      }
    }
    throw new AssertionError("no legacy header");
  }

  @Test
  void truncatedTorchFilesFailClearly() throws IOException {
    for (String name : new String[] {"reference/clip-tiny-a-bins/pytorch_model.legacy.bin",
        "reference/clip-tiny-a-bins/pytorch_model.bin"}) {
      byte[] whole = Files.readAllBytes(SharedData.path(name));
      for (int length : new int[] {whole.length - 100, whole.length / 2, 40}) {
        Path cut = Files.write(dir.resolve("cut-" + length + ".bin"), Arrays.copyOf(whole, length));
        assertThatThrownBy(() -> {
          try (Checkpoint c = Checkpoints.open(cut)) {
            c.names().forEach(c::get);
          }
        }).as("%s cut to %d", name, length).isInstanceOf(ModelFormatException.class)
            .hasMessageContaining(cut.toString());
      }
    }
  }

  @Test
  void hugeLengthPrefixInAPickleIsRefusedBeforeAllocating() throws IOException {
    // protocol 4 BINBYTES8 claiming 2^40 bytes
    byte[] pickle = {(byte) 0x80, 4, (byte) 0x8e, 0, 0, 0, 0, 0, 1, 0, 0, '.'};
    Path file = Files.write(dir.resolve("long.pt"), pickle);
    assertThatThrownBy(() -> Checkpoints.open(file)).isInstanceOf(ModelFormatException.class)
        .hasMessageContaining("1099511627776 bytes");
  }
}
