package dev.findmypic.models.hardware;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.findmypic.core.ModelRole;
import dev.findmypic.core.store.DownloadListener;
import dev.findmypic.models.store.ModelChoice;
import dev.findmypic.models.store.StoreSettings;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelSetupTest {
  @TempDir Path tmp;

  StoreSettings settings() {
    return StoreSettings.fromEnvironment(Map.of(), tmp.resolve("home"), tmp.resolve("data"))
        .withEndpoint(URI.create("http://127.0.0.1:9")).withOffline(true);
  }

  static GpuProbe gpu(long vram) {
    return () -> List.of(new HardwareProfile.Gpu(0, "89", vram));
  }

  JsonObject configJson() throws Exception {
    return JsonParser.parseString(Files.readString(tmp.resolve("data/config.json"))).getAsJsonObject();
  }

  @Test
  void firstRunWritesConfigWithHardwareTierBatchesAndEachChoiceWithItsSource() throws Exception {
    ModelSetup setup = ModelSetup.open(settings(), Map.of(), gpu(6L << 30));

    assertThat(setup.config().tier()).isEqualTo(Tier.BASE);
    ModelChoice text = setup.resolve(ModelRole.TEXT, DownloadListener.NONE);
    ModelChoice clip = setup.resolve(ModelRole.CLIP, DownloadListener.NONE);

    JsonObject json = configJson();
    assertThat(json.get("tier").getAsString()).isEqualTo("BASE");
    assertThat(json.getAsJsonObject("hardware").getAsJsonArray("gpus").get(0).getAsJsonObject()
        .get("vramBytes").getAsLong()).isEqualTo(6L << 30);
    assertThat(json.getAsJsonObject("batchSizes").get("clip").getAsInt()).isEqualTo(Tier.BASE.batchSizes().clip());
    JsonObject textJson = json.getAsJsonObject("models").getAsJsonObject("text");
    assertThat(textJson.get("source").getAsString()).isEqualTo("EMBEDDED");
    assertThat(textJson.get("pinned").getAsString()).isEqualTo("all-minilm-l6-v2-q@1.19.0-beta29");
    assertThat(textJson.get("message").getAsString()).isEqualTo(text.message());
    JsonObject clipJson = json.getAsJsonObject("models").getAsJsonObject("clip");
    assertThat(clipJson.get("source").getAsString()).isEqualTo("NONE");
    assertThat(clip.message()).contains("openai/clip-vit-base-patch16").contains("findmypic models pull clip");
  }

  @Test
  void configIsReusedOnTheSameHardwareAndRewrittenWhenItChanges() throws Exception {
    ModelSetup first = ModelSetup.open(settings(), Map.of(), gpu(6L << 30));
    first.resolve(ModelRole.OCR, DownloadListener.NONE);

    ModelConfigFile.Loaded same = ModelConfigFile.loadOrCreate(tmp.resolve("data"),
        HardwareDetector.detect(gpu(6L << 30)), Map.of());
    assertThat(same.reused()).isTrue();
    assertThat(same.config().model(ModelRole.OCR).source()).isEqualTo("EMBEDDED");

    ModelConfigFile.Loaded bigger = ModelConfigFile.loadOrCreate(tmp.resolve("data"),
        HardwareDetector.detect(gpu(24L << 30)), Map.of());
    assertThat(bigger.reused()).isFalse();
    assertThat(bigger.reason()).startsWith("the hardware changed");
    assertThat(bigger.config().tier()).isEqualTo(Tier.LARGE);
    assertThat(configJson().get("tier").getAsString()).isEqualTo("LARGE");

    ModelConfigFile.Loaded overridden = ModelConfigFile.loadOrCreate(tmp.resolve("data"),
        HardwareDetector.detect(gpu(24L << 30)), Map.of(ModelRole.CLIP, "/models/clip"));
    assertThat(overridden.reused()).isFalse();
    assertThat(overridden.reason()).isEqualTo("the explicit model choices changed");
    assertThat(configJson().getAsJsonObject("overrides").get("clip").getAsString()).isEqualTo("/models/clip");
  }

  @Test
  void unreadableConfigIsReplaced() throws Exception {
    Files.createDirectories(tmp.resolve("data"));
    Files.writeString(tmp.resolve("data/config.json"), "{not json");

    ModelConfigFile.Loaded loaded = ModelConfigFile.loadOrCreate(tmp.resolve("data"),
        HardwareDetector.detect(() -> List.of()), Map.of());

    assertThat(loaded.reused()).isFalse();
    assertThat(loaded.config().tier()).isEqualTo(Tier.SMALL);
    assertThat(configJson().get("tier").getAsString()).isEqualTo("SMALL");
  }
}
