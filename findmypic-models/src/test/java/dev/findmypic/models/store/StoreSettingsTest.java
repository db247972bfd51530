package dev.findmypic.models.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.findmypic.core.store.ModelRef.UrlCache;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StoreSettingsTest {
  @TempDir Path tmp;

  StoreSettings of(Map<String, String> env) {
    return StoreSettings.fromEnvironment(env, tmp.resolve("home"), tmp.resolve("data"));
  }

  @Test
  void defaultsAreThoseOfThePythonTools() {
    StoreSettings s = of(Map.of());

    assertThat(s.hubCache()).isEqualTo(tmp.resolve("home/.cache/huggingface/hub"));
    assertThat(s.torchHome()).isEqualTo(tmp.resolve("home/.cache/torch"));
    assertThat(s.easyOcrModelDir()).isEqualTo(tmp.resolve("home/.EasyOCR/model"));
    assertThat(s.endpoint()).isEqualTo(URI.create("https://huggingface.co"));
    assertThat(s.token()).isNull();
    assertThat(s.offline()).isFalse();
    assertThat(s.urlCacheDir(UrlCache.TORCH_CHECKPOINTS)).isEqualTo(tmp.resolve("home/.cache/torch/checkpoints"));
    assertThat(s.urlCacheDir(UrlCache.TORCH_HUB_CHECKPOINTS))
        .isEqualTo(tmp.resolve("home/.cache/torch/hub/checkpoints"));
    assertThat(s.urlCacheDir(UrlCache.DATA_DIR)).isEqualTo(tmp.resolve("data/models"));
  }

  @Test
  void hubCacheFollowsHfHubCacheThenTransformersCacheThenHfHome() {
    assertThat(of(Map.of("HF_HOME", "/hf")).hubCache()).isEqualTo(Path.of("/hf/hub"));
    assertThat(of(Map.of("HF_HOME", "/hf", "TRANSFORMERS_CACHE", "/tc")).hubCache()).isEqualTo(Path.of("/tc"));
    assertThat(of(Map.of("HF_HOME", "/hf", "TRANSFORMERS_CACHE", "/tc", "HF_HUB_CACHE", "/hc")).hubCache())
        .isEqualTo(Path.of("/hc"));
    assertThat(of(Map.of("XDG_CACHE_HOME", "/xdg")).hubCache()).isEqualTo(Path.of("/xdg/huggingface/hub"));
    assertThat(of(Map.of("HF_HOME", "~/hf")).hubCache()).isEqualTo(tmp.resolve("home/hf/hub"));
  }

  @Test
  void torchAndEasyOcrDirectories() {
    assertThat(of(Map.of("TORCH_HOME", "/t")).urlCacheDir(UrlCache.TORCH_CHECKPOINTS))
        .isEqualTo(Path.of("/t/checkpoints"));
    assertThat(of(Map.of("MODULE_PATH", "/m")).easyOcrModelDir()).isEqualTo(Path.of("/m/model"));
    assertThat(of(Map.of("MODULE_PATH", "/m", "EASYOCR_MODULE_PATH", "/e")).easyOcrModelDir())
        .isEqualTo(Path.of("/e/model"));
  }

  @Test
  void tokenFromTheEnvironmentElseFromTheTokenFile() throws Exception {
    Path hfHome = Files.createDirectories(tmp.resolve("home/.cache/huggingface"));
    Files.writeString(hfHome.resolve("token"), "hf_from_file\n");

    assertThat(of(Map.of()).token()).isEqualTo("hf_from_file");
    assertThat(of(Map.of("HF_TOKEN", "hf_from_env")).token()).isEqualTo("hf_from_env");
    assertThat(of(Map.of("HF_TOKEN", "hf_from_env")).toString()).doesNotContain("hf_from_env");
  }

  @Test
  void offlineAndEndpointFromTheEnvironment() {
    for (String yes : new String[] {"1", "true", "ON", "yes"}) {
      assertThat(of(Map.of("HF_HUB_OFFLINE", yes)).offline()).as(yes).isTrue();
    }
    assertThat(of(Map.of("HF_HUB_OFFLINE", "0")).offline()).isFalse();
    assertThat(of(Map.of("HF_ENDPOINT", "https://hf-mirror.com/")).endpoint())
        .isEqualTo(URI.create("https://hf-mirror.com"));
    assertThat(of(Map.of()).withOffline(true).offline()).isTrue();
  }
}
