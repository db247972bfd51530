package dev.findmypic.models.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.findmypic.core.ModelRole;
import dev.findmypic.core.store.DownloadListener;
import dev.findmypic.core.store.ModelRef;
import dev.findmypic.core.store.ResolvedModel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The resolution order per role, with simulated caches and a fake Hub. */
class ModelResolverTest {
  static final String CLIP_REPO = "openai/clip-vit-base-patch32";
  static final String TEXT_REPO = "sentence-transformers/all-MiniLM-L6-v2";
  static final String COMMIT = "d15b5f29721ca72dac15f8526b284be910de18be";
  static final byte[] CONFIG = "{}".getBytes(StandardCharsets.UTF_8);
  static final byte[] WEIGHTS = TestStores.bytes(5_000, 7);

  @TempDir Path tmp;
  FakeHub hub;
  Map<ModelRole, ModelSet> seeds;

  @BeforeEach
  void setUp() throws Exception {
    hub = new FakeHub();
    ModelRef.Hub clip = new ModelRef.Hub(CLIP_REPO, COMMIT, List.of("config.json", "model.safetensors"));
    ModelRef.Hub text = new ModelRef.Hub(TEXT_REPO, COMMIT, List.of("config.json", "model.safetensors"));
    seeds = new EnumMap<>(ModelRole.class);
    seeds.put(ModelRole.CLIP, ModelSet.of(clip));
    seeds.put(ModelRole.TEXT, ModelSet.of(text));
    seeds.put(ModelRole.FACES, ModelCatalog.FACES);
    seeds.put(ModelRole.OCR, ModelCatalog.EASYOCR_ENGLISH);
  }

  @AfterEach
  void tearDown() {
    hub.close();
  }

  ModelResolver resolver(boolean offline, Map<ModelRole, String> overrides) {
    return new ModelResolver(TestStores.store(TestStores.settings(tmp, hub.endpoint(), offline)), seeds, overrides);
  }

  Path hubCache() {
    return tmp.resolve("home/.cache/huggingface/hub");
  }

  @Test
  void seedModelAlreadyInTheCacheIsPickedWithoutNetwork() throws Exception {
    HfTree.write(hubCache(), CLIP_REPO, COMMIT, Map.of("config.json", CONFIG, "model.safetensors", WEIGHTS));

    ModelChoice c = resolver(false, Map.of()).resolve(ModelRole.CLIP, DownloadListener.NONE);

    assertThat(c.source()).isEqualTo(ModelChoice.Source.CACHE);
    assertThat(c.models().name()).isEqualTo(CLIP_REPO);
    assertThat(c.resolved()).singleElement().extracting(ResolvedModel::revision).isEqualTo(COMMIT);
    assertThat(c.message()).startsWith("clip: " + CLIP_REPO + " from the cache (");
    assertThat(hub.requests).isEmpty();
  }

  @Test
  void anotherCachedRevisionWithEveryFileIsUsedRatherThanDownloadingAgain() throws Exception {
    String older = "3d74acf9a28c67741b2f4f2ea7635f0aaf6f0268";
    HfTree.write(hubCache(), CLIP_REPO, older, Map.of("config.json", CONFIG, "model.safetensors", WEIGHTS));

    ModelChoice c = resolver(true, Map.of()).resolve(ModelRole.CLIP, DownloadListener.NONE);

    assertThat(c.source()).isEqualTo(ModelChoice.Source.CACHE);
    assertThat(c.resolved().get(0).revision()).isEqualTo(older);
  }

  @Test
  void clipMissingWhileOfflineTurnsVisualSearchOffAndNamesTheCommand() {
    ModelChoice c = resolver(true, Map.of()).resolve(ModelRole.CLIP, DownloadListener.NONE);

    assertThat(c.source()).isEqualTo(ModelChoice.Source.NONE);
    assertThat(c.available()).isFalse();
    assertThat(c.models()).isNull();
    assertThat(c.message()).isEqualTo("visual search is off: " + CLIP_REPO
        + " is not in the cache and the store is offline. Turn it on with: findmypic models pull clip");
    assertThat(hub.requests).isEmpty();
  }

  @Test
  void textMissingWhileOfflineFallsBackToTheEmbeddedMiniLm() throws Exception {
    ModelChoice c = resolver(true, Map.of()).resolve(ModelRole.TEXT, DownloadListener.NONE);

    assertThat(c.source()).isEqualTo(ModelChoice.Source.EMBEDDED);
    assertThat(c.models().refs()).containsExactly(ModelCatalog.MINILM_L6_V2_Q_EMBEDDED);
    assertThat(c.resolved().get(0).file("model.onnx")).isRegularFile();
    assertThat(c.message()).isEqualTo("text: using the embedded all-MiniLM-L6-v2 int8 (embedded) from the class path, "
        + "because " + TEXT_REPO + " is not in the cache and the store is offline. For " + TEXT_REPO
        + ", run `findmypic models pull text` while online.");
  }

  @Test
  void ocrMissingWhileOfflineFallsBackToTheEmbeddedPpOcr() {
    ModelChoice c = resolver(true, Map.of()).resolve(ModelRole.OCR, DownloadListener.NONE);

    assertThat(c.source()).isEqualTo(ModelChoice.Source.EMBEDDED);
    assertThat(c.models().refs()).containsExactly(ModelCatalog.PPOCR_V4_EMBEDDED);
  }

  @Test
  void facesMissingWhileOfflineAreOff() {
    ModelChoice c = resolver(true, Map.of()).resolve(ModelRole.FACES, DownloadListener.NONE);

    assertThat(c.source()).isEqualTo(ModelChoice.Source.NONE);
    assertThat(c.message()).startsWith("face search is off: ").endsWith("findmypic models pull faces");
  }

  @Test
  void explicitDirectoryWinsOverACachedSeed() throws Exception {
    HfTree.write(hubCache(), CLIP_REPO, COMMIT, Map.of("config.json", CONFIG, "model.safetensors", WEIGHTS));
    Path mine = Files.createDirectories(tmp.resolve("my-clip"));

    ModelChoice c = resolver(true, Map.of(ModelRole.CLIP, mine.toString())).resolve(ModelRole.CLIP,
        DownloadListener.NONE);

    assertThat(c.source()).isEqualTo(ModelChoice.Source.EXPLICIT);
    assertThat(c.resolved()).singleElement().extracting(ResolvedModel::directory).isEqualTo(mine);
    assertThat(c.message()).isEqualTo("clip: " + mine + " (your choice: --model clip=" + mine + ")");
  }

  @Test
  void explicitHubIdIsDownloadedWithTheSeedsFiles() throws Exception {
    String other = "laion/clip-small";
    String commit = "1111111111111111111111111111111111111111";
    hub.addRepo(other, commit);
    hub.addFile(other, commit, "config.json", CONFIG, false);
    hub.addFile(other, commit, "model.safetensors", WEIGHTS, true);

    ModelChoice c = resolver(false, Map.of(ModelRole.CLIP, other + "@main")).resolve(ModelRole.CLIP,
        DownloadListener.NONE);

    assertThat(c.source()).isEqualTo(ModelChoice.Source.EXPLICIT);
    assertThat(c.models().name()).isEqualTo(other + "@main");
    assertThat(c.resolved().get(0).revision()).isEqualTo(commit);
    assertThat(Files.readAllBytes(c.resolved().get(0).file("model.safetensors"))).isEqualTo(WEIGHTS);
  }

  @Test
  void explicitChoiceThatCannotBeHadIsAnErrorNotAFallback() {
    assertThatThrownBy(() -> resolver(true, Map.of(ModelRole.TEXT, "someone/minilm@v2"))
        .resolve(ModelRole.TEXT, DownloadListener.NONE))
        .isInstanceOf(ModelNotCachedException.class)
        .hasMessageContaining("someone/minilm");
    assertThatThrownBy(() -> resolver(true, Map.of(ModelRole.FACES, "not a dir")).resolve(ModelRole.FACES,
        DownloadListener.NONE))
        .hasMessageContaining("--model faces=not a dir is not an existing directory");
  }

  @Test
  void seedIsDownloadedWhenOnlineAndNotCached() throws Exception {
    hub.addRepo(CLIP_REPO, COMMIT);
    hub.addFile(CLIP_REPO, COMMIT, "config.json", CONFIG, false);
    hub.addFile(CLIP_REPO, COMMIT, "model.safetensors", WEIGHTS, true);

    assertThat(resolver(false, Map.of()).choose(ModelRole.CLIP).source()).isEqualTo(ModelChoice.Source.DOWNLOAD);
    assertThat(hub.requests).isEmpty(); // choosing downloads nothing
    ModelChoice c = resolver(false, Map.of()).resolve(ModelRole.CLIP, DownloadListener.NONE);

    assertThat(c.source()).isEqualTo(ModelChoice.Source.DOWNLOAD);
    assertThat(c.message()).startsWith("clip: " + CLIP_REPO + " downloaded to ");
  }

  @Test
  void failedDownloadFallsThroughToTheEmbeddedDefault() {
    // the Hub answers, but has no such repository (as a proxy that blocks the Hub might)
    ModelChoice c = resolver(false, Map.of()).resolve(ModelRole.TEXT, DownloadListener.NONE);

    assertThat(c.source()).isEqualTo(ModelChoice.Source.EMBEDDED);
    assertThat(c.message()).contains("could not be downloaded").contains("findmypic models pull text");
  }
}
