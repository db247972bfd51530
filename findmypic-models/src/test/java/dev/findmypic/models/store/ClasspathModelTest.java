package dev.findmypic.models.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.findmypic.core.ModelException;
import dev.findmypic.core.store.ModelRef;
import dev.findmypic.core.store.ResolvedModel;
import dev.findmypic.core.testing.SharedData;
import java.net.URI;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The class-path models, from the real Maven jars that the models module declares as optional dependencies. */
class ClasspathModelTest {
  @TempDir Path tmp;

  DefaultModelStore offlineStoreWithoutHfCache() {
    // an endpoint nobody listens on: any request would fail the test loudly
    return TestStores.store(TestStores.settings(tmp, URI.create("http://127.0.0.1:9"), true));
  }

  @Test
  void embeddedMiniLmResolvesWithNoNetworkAndNoHfCache() throws Exception {
    ResolvedModel m = offlineStoreWithoutHfCache().resolve(ModelCatalog.MINILM_L6_V2_Q_EMBEDDED);

    assertThat(m.source()).isEqualTo(ResolvedModel.Source.CLASSPATH);
    assertThat(m.revision()).isEqualTo("1.19.0-beta29");
    assertThat(m.directory()).isEqualTo(tmp.resolve("data/embedded/all-minilm-l6-v2-q/1.19.0-beta29"));
    // the same bytes as the copy in ../shared, which came from the same Maven artifact
    assertThat(Files.mismatch(m.file("model.onnx"), SharedData.path("models/all-minilm-l6-v2-q/model.onnx")))
        .isEqualTo(-1L);
    assertThat(Files.mismatch(m.file("tokenizer.json"), SharedData.path("models/all-minilm-l6-v2-q/tokenizer.json")))
        .isEqualTo(-1L);
    assertThat(tmp.resolve("home/.cache/huggingface")).doesNotExist();
  }

  @Test
  void embeddedPpOcrResolvesEveryFile() {
    ResolvedModel m = offlineStoreWithoutHfCache().resolve(ModelCatalog.PPOCR_V4_EMBEDDED);

    assertThat(m.file("ch_PP-OCRv4_det_infer.onnx")).isRegularFile();
    assertThat(m.file("ch_PP-OCRv4_rec_infer.onnx")).isRegularFile();
    assertThat(m.file("ch_ppocr_mobile_v2.0_cls_infer.onnx")).isRegularFile();
    assertThat(m.file("ppocr_keys_v1.txt")).hasSameBinaryContentAs(SharedData.path("models/ppocr-v4/ppocr_keys_v1.txt"));
    assertThat(offlineStoreWithoutHfCache().verify(ModelCatalog.PPOCR_V4_EMBEDDED).ok()).isTrue();
  }

  @Test
  void tamperedExtractedCopyIsDetectedAndExtractedAgain() throws Exception {
    DefaultModelStore store = offlineStoreWithoutHfCache();
    Path tokenizer = store.resolve(ModelCatalog.MINILM_L6_V2_Q_EMBEDDED).file("tokenizer.json");
    byte[] good = Files.readAllBytes(tokenizer);
    Thread.sleep(20); // let the modification time move on, as a later edit's would
    try (FileChannel c = FileChannel.open(tokenizer, StandardOpenOption.WRITE)) {
      java.nio.ByteBuffer one = java.nio.ByteBuffer.wrap(new byte[] {(byte) (good[5000] ^ 0x01)});
      c.write(one, 5000);
    }
    assertThat(store.verify(ModelCatalog.MINILM_L6_V2_Q_EMBEDDED).problems()).singleElement().asString()
        .contains("tokenizer.json").contains("expected " + FakeHub.sha256(good));

    ResolvedModel again = store.resolve(ModelCatalog.MINILM_L6_V2_Q_EMBEDDED);

    assertThat(Files.readAllBytes(again.file("tokenizer.json"))).isEqualTo(good);
    assertThat(store.verify(ModelCatalog.MINILM_L6_V2_Q_EMBEDDED).ok()).isTrue();
  }

  @Test
  void resourceMissingFromTheClassPathNamesIt() {
    ModelRef.Classpath absent = new ModelRef.Classpath("nothing", "1", List.of(
        new ModelRef.ClasspathFile("no/such/model.onnx", "model.onnx", "0".repeat(64))));

    assertThat(offlineStoreWithoutHfCache().onClasspath(absent)).isFalse();
    assertThatThrownBy(() -> offlineStoreWithoutHfCache().resolve(absent))
        .isInstanceOf(ModelException.class)
        .hasMessageContaining("no/such/model.onnx")
        .hasMessageContaining("not on the class path");
  }

  @Test
  void manifestHashThatDoesNotMatchTheJarIsRefused() {
    ModelRef.Classpath wrong = new ModelRef.Classpath("keys", "1", List.of(
        new ModelRef.ClasspathFile("models/ppocr_keys_v1.txt", "keys.txt", "0".repeat(64))));

    assertThatThrownBy(() -> offlineStoreWithoutHfCache().resolve(wrong))
        .isInstanceOf(ModelException.class)
        .hasMessageContaining("not the expected version");
    assertThat(tmp.resolve("data/embedded/keys/1/keys.txt")).doesNotExist();
  }
}
