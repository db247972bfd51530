package dev.findmypic.models.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.findmypic.core.ModelException;
import dev.findmypic.core.store.ModelRef;
import dev.findmypic.core.store.ModelRef.UrlCache;
import dev.findmypic.core.store.ModelRef.UrlFile;
import dev.findmypic.core.store.ResolvedModel;
import dev.findmypic.models.store.ModelDownloadException.Reason;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UrlSourceTest {
  static final byte[] WEIGHTS = TestStores.bytes(40_000, 5);

  @TempDir Path tmp;
  FakeHub server;

  @BeforeEach
  void setUp() throws Exception {
    server = new FakeHub();
  }

  @AfterEach
  void tearDown() {
    server.close();
  }

  DefaultModelStore store(boolean offline) {
    return TestStores.store(TestStores.settings(tmp, server.endpoint(), offline));
  }

  ModelRef.Url facenet(String sha256) {
    server.addStatic("20180402-114759-vggface2.pt", WEIGHTS);
    return new ModelRef.Url("facenet-pytorch/vggface2", List.of(new UrlFile(
        server.staticUri("20180402-114759-vggface2.pt"), "20180402-114759-vggface2.pt", sha256)),
        UrlCache.TORCH_CHECKPOINTS);
  }

  @Test
  void fileWithoutPublishedHashIsRecordedOnFirstDownloadAndCheckedAfter() throws Exception {
    ModelRef.Url ref = facenet(null);

    ResolvedModel m = store(false).resolve(ref);

    Path file = tmp.resolve("home/.cache/torch/checkpoints/20180402-114759-vggface2.pt");
    assertThat(m.file("20180402-114759-vggface2.pt")).isEqualTo(file);
    assertThat(m.revision()).isEqualTo(FakeHub.sha256(WEIGHTS));
    assertThat(Files.readString(tmp.resolve("data/models.lock.json"))).contains(FakeHub.sha256(WEIGHTS));

    byte[] altered = WEIGHTS.clone();
    altered[99] ^= 4;
    Files.write(file, altered);
    assertThatThrownBy(() -> store(true).resolve(ref))
        .isInstanceOf(ModelException.class)
        .hasMessageContaining("damaged")
        .hasMessageContaining("recorded on first download");

    ResolvedModel again = store(false).resolve(ref);
    assertThat(again.source()).isEqualTo(ResolvedModel.Source.DOWNLOADED);
    assertThat(Files.readAllBytes(file)).isEqualTo(WEIGHTS);
  }

  @Test
  void fileAlreadyDownloadedByThePythonToolIsUsedOfflineAndRecorded() throws Exception {
    ModelRef.Url ref = facenet(null);
    Path file = tmp.resolve("home/.cache/torch/checkpoints/20180402-114759-vggface2.pt");
    Files.createDirectories(file.getParent());
    Files.write(file, WEIGHTS);

    ResolvedModel m = store(true).resolve(ref);

    assertThat(m.source()).isEqualTo(ResolvedModel.Source.CACHE);
    assertThat(server.requests).isEmpty();
    assertThat(Files.readString(tmp.resolve("data/models.lock.json"))).contains(FakeHub.sha256(WEIGHTS));
  }

  @Test
  void publishedSha256MismatchLeavesNothingBehind() {
    ModelRef.Url ref = facenet("0".repeat(64));

    assertThatThrownBy(() -> store(false).resolve(ref))
        .isInstanceOfSatisfying(ModelDownloadException.class, e -> assertThat(e.reason()).isEqualTo(Reason.INTEGRITY))
        .hasMessageContaining("sha256 is " + FakeHub.sha256(WEIGHTS));
    assertThat(tmp.resolve("home/.cache/torch/checkpoints/20180402-114759-vggface2.pt")).doesNotExist();
  }

  @Test
  void easyOcrZipIsExtractedIntoItsModuleDirectoryAndItsMd5Checked() throws Exception {
    byte[] pth = TestStores.bytes(30_000, 6);
    server.addStatic("craft_mlt_25k.zip", zip("craft_mlt_25k.pth", pth));
    String md5 = HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(pth));
    StoreSettings s = StoreSettings.fromEnvironment(Map.of("EASYOCR_MODULE_PATH", tmp.resolve("easy").toString()),
            tmp.resolve("home"), tmp.resolve("data"))
        .withEndpoint(server.endpoint()).withRetries(2, java.time.Duration.ofMillis(10));
    ModelRef.Url ref = new ModelRef.Url("easyocr/craft_mlt_25k", List.of(new UrlFile(
        server.staticUri("craft_mlt_25k.zip"), "craft_mlt_25k.pth", null, md5)), UrlCache.EASYOCR);

    ResolvedModel m = TestStores.store(s).resolve(ref);

    assertThat(m.file("craft_mlt_25k.pth")).isEqualTo(tmp.resolve("easy/model/craft_mlt_25k.pth"));
    assertThat(Files.readAllBytes(m.file("craft_mlt_25k.pth"))).isEqualTo(pth);
    try (var files = Files.list(tmp.resolve("easy/model"))) {
      assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("craft_mlt_25k.pth", ".locks");
    }

    ModelRef.Url wrongMd5 = new ModelRef.Url("easyocr/craft_mlt_25k", List.of(new UrlFile(
        server.staticUri("craft_mlt_25k.zip"), "craft_mlt_25k.pth", null, "0".repeat(32))), UrlCache.EASYOCR);
    Files.delete(m.file("craft_mlt_25k.pth"));
    assertThatThrownBy(() -> TestStores.store(s).resolve(wrongMd5))
        .isInstanceOfSatisfying(ModelDownloadException.class, e -> assertThat(e.reason()).isEqualTo(Reason.INTEGRITY))
        .hasMessageContaining("md5 is " + md5);
  }

  @Test
  void offlineAndMissingNamesTheDirectoryAndTheWaysOut() {
    ModelRef.Url ref = facenet(null);

    assertThatThrownBy(() -> store(true).resolve(ref))
        .isInstanceOf(ModelNotCachedException.class)
        .hasMessageContaining("facenet-pytorch/vggface2")
        .hasMessageContaining(tmp.resolve("home/.cache/torch/checkpoints").toString())
        .hasMessageContaining("HF_ENDPOINT");
    assertThat(server.requests).isEmpty();
  }

  private static byte[] zip(String name, byte[] content) throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream z = new ZipOutputStream(bytes)) {
      z.putNextEntry(new ZipEntry(name));
      z.write(content);
      z.closeEntry();
    }
    return bytes.toByteArray();
  }
}
