package dev.findmypic.models.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.findmypic.core.ModelRole;
import dev.findmypic.core.store.DownloadListener;
import dev.findmypic.core.store.ModelRef;
import java.net.URI;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The fast face tier's catalogue entries and {@code --model faces=yunet-sface}. */
class FastFaceTierCatalogTest {
  @TempDir Path tmp;

  private ModelResolver resolver(Map<ModelRole, String> overrides) {
    Map<ModelRole, ModelSet> seeds = new EnumMap<>(ModelRole.class);
    for (ModelRole role : ModelRole.values()) {
      seeds.put(role, ModelCatalog.seed(role, ModelCatalog.CLIP_VIT_BASE_PATCH32));
    }
    return new ModelResolver(TestStores.store(TestStores.settings(tmp, URI.create("http://127.0.0.1:9/"), true)),
        seeds, overrides);
  }

  @Test
  void pinsOpenCvZoosFilesByTheirLfsSha256() {
    ModelRef.UrlFile yunet = ModelCatalog.YUNET_2023MAR.files().get(0);
    ModelRef.UrlFile sface = ModelCatalog.SFACE_2021DEC.files().get(0);
    assertThat(yunet.fileName()).isEqualTo("face_detection_yunet_2023mar.onnx");
    assertThat(yunet.sha256()).isEqualTo("8f2383e4dd3cfbb4553ea8718107fc0423210dc964f9f4280604804ed2552fa4");
    assertThat(sface.fileName()).isEqualTo("face_recognition_sface_2021dec.onnx");
    assertThat(sface.sha256()).isEqualTo("0ba9fbfa01b5270c96627c4ef784da859931e02f04419c829e83484087c34e79");
    for (ModelRef.UrlFile f : List.of(yunet, sface)) {
      assertThat(f.uri().toString()).startsWith(
          "https://github.com/opencv/opencv_zoo/raw/966be4cb6eefc2a4f586ed0581bf4bbaa2533070/models/")
          .endsWith("/" + f.fileName());
    }
    assertThat(ModelCatalog.all()).contains(ModelCatalog.YUNET_2023MAR, ModelCatalog.SFACE_2021DEC);
  }

  @Test
  void yunetSfaceIsANamedChoiceForFacesOnly() {
    ModelChoice c = resolver(Map.of(ModelRole.FACES, "yunet-sface")).choose(ModelRole.FACES);

    assertThat(c.source()).isEqualTo(ModelChoice.Source.EXPLICIT);
    assertThat(c.models()).isEqualTo(ModelCatalog.FACES_YUNET_SFACE);
    assertThat(c.models().refs()).containsExactly(ModelCatalog.YUNET_2023MAR, ModelCatalog.SFACE_2021DEC);
    assertThat(c.resolved()).isEmpty();
    assertThat(c.message()).isEqualTo("faces: OpenCV Zoo (YuNet 2023mar + SFace 2021dec) (your choice: --model "
        + "faces=yunet-sface)");
    assertThat(ModelCatalog.named(ModelRole.OCR, "yunet-sface")).isEmpty();
  }

  @Test
  void aNamedChoiceThatIsNotCachedOfflineIsAnErrorNamingTheFile() {
    assertThatThrownBy(() -> resolver(Map.of(ModelRole.FACES, "yunet-sface")).resolve(ModelRole.FACES,
        DownloadListener.NONE))
        .isInstanceOf(ModelNotCachedException.class)
        .hasMessageContaining("face_detection_yunet_2023mar.onnx");
  }

  @Test
  void anUnknownNameListsTheNamesTheRoleTakes() {
    assertThatThrownBy(() -> resolver(Map.of(ModelRole.FACES, "yunet-arcface")).choose(ModelRole.FACES))
        .hasMessageContaining("--model faces=yunet-arcface is not an existing directory")
        .hasMessageContaining("or yunet-sface");
  }
}
