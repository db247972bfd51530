package dev.findmypic.models.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.findmypic.core.ModelException;
import dev.findmypic.core.store.CachedModel;
import dev.findmypic.core.store.ModelRef;
import dev.findmypic.core.store.ResolvedModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HubCacheOfflineTest {
  static final String REPO = "openai/clip-vit-base-patch32";
  static final String COMMIT = "3d74acf9a28c67741b2f4f2ea7635f0aaf6f0268";
  static final byte[] CONFIG = "{\"projection_dim\": 512}".getBytes(java.nio.charset.StandardCharsets.UTF_8);
  static final byte[] WEIGHTS = TestStores.bytes(10_000, 3);

  @TempDir Path tmp;
  FakeHub hub;
  Path hubCache;

  @BeforeEach
  void setUp() throws Exception {
    hub = new FakeHub();
    hubCache = tmp.resolve("home/.cache/huggingface/hub");
  }

  @AfterEach
  void tearDown() {
    hub.close();
  }

  DefaultModelStore store(boolean offline) {
    return TestStores.store(TestStores.settings(tmp, hub.endpoint(), offline));
  }

  @Test
  void treeLaidOutByHuggingfaceHubResolvesOfflineWithZeroRequests() throws Exception {
    HfTree.write(hubCache, REPO, COMMIT, Map.of("config.json", CONFIG, "model.safetensors", WEIGHTS));

    ResolvedModel m = store(true).resolve(new ModelRef.Hub(REPO, "main", List.of("config.json", "model.safetensors")));

    assertThat(m.source()).isEqualTo(ResolvedModel.Source.CACHE);
    assertThat(m.revision()).isEqualTo(COMMIT);
    assertThat(Files.readAllBytes(m.file("model.safetensors"))).isEqualTo(WEIGHTS);
    assertThat(store(true).verify(m.ref()).ok()).isTrue();
    assertThat(hub.requests).isEmpty();
  }

  @Test
  void pinnedRevisionInAPythonTreeNeedsNoRequestOnline() throws Exception {
    HfTree.write(hubCache, REPO, COMMIT, Map.of("config.json", CONFIG, "model.safetensors", WEIGHTS));

    ResolvedModel m = store(false).resolve(new ModelRef.Hub(REPO, COMMIT, List.of("config.json", "model.safetensors")));

    assertThat(m.source()).isEqualTo(ResolvedModel.Source.CACHE);
    assertThat(hub.requests).isEmpty();
  }

  @Test
  void offlineAndMissingNamesTheModelTheDirectoriesAndTheThreeWaysOut() {
    assertThatThrownBy(() -> store(true).resolve(new ModelRef.Hub(REPO, "main", List.of("config.json"))))
        .isInstanceOf(ModelNotCachedException.class)
        .hasMessageContaining("model " + REPO + " is not available offline")
        .hasMessageContaining(hubCache.resolve("models--openai--clip-vit-base-patch32").toString())
        .hasMessageContaining("pre-download while online")
        .hasMessageContaining("HF_ENDPOINT")
        .hasMessageContaining("copy a cache from another machine");
    assertThat(hub.requests).isEmpty();
  }

  @Test
  void offlineWithAMissingFileSaysWhichFile() throws Exception {
    HfTree.write(hubCache, REPO, COMMIT, Map.of("config.json", CONFIG));

    assertThatThrownBy(() -> store(true).resolve(
        new ModelRef.Hub(REPO, "main", List.of("config.json", "model.safetensors"))))
        .isInstanceOf(ModelNotCachedException.class)
        .hasMessageContaining("snapshot " + COMMIT + " lacks model.safetensors");
  }

  @Test
  void damagedBlobIsReportedOffline() throws Exception {
    Path repo = HfTree.write(hubCache, REPO, COMMIT, Map.of("model.safetensors", WEIGHTS));
    byte[] damaged = WEIGHTS.clone();
    damaged[0] ^= 1;
    Files.write(repo.resolve("blobs").resolve(FakeHub.sha256(WEIGHTS)), damaged);
    ModelRef.Hub ref = new ModelRef.Hub(REPO, "main", List.of("model.safetensors"));

    assertThatThrownBy(() -> store(true).resolve(ref))
        .isInstanceOf(ModelException.class)
        .hasMessageContaining("damaged")
        .hasMessageContaining("sha256 is " + FakeHub.sha256(damaged));
    assertThat(store(true).verify(ref).problems()).singleElement().asString().contains("expected "
        + FakeHub.sha256(WEIGHTS));
  }

  @Test
  void listRemoveAndClear() throws Exception {
    HfTree.write(hubCache, REPO, COMMIT, Map.of("config.json", CONFIG, "model.safetensors", WEIGHTS));
    HfTree.write(hubCache, "someone/else", COMMIT, Map.of("config.json", CONFIG));
    ModelRef.Hub ref = new ModelRef.Hub(REPO, "main", List.of("config.json"));
    DefaultModelStore store = new DefaultModelStore(TestStores.settings(tmp, hub.endpoint(), true), List.of(ref),
        getClass().getClassLoader());

    assertThat(store.list()).extracting(CachedModel::id, CachedModel::bytes).containsExactly(
        org.assertj.core.groups.Tuple.tuple(REPO, (long) CONFIG.length + WEIGHTS.length),
        org.assertj.core.groups.Tuple.tuple("someone/else", (long) CONFIG.length));

    store.clear();

    assertThat(store.list()).extracting(CachedModel::id).containsExactly("someone/else"); // not ours: kept
    store.remove(new ModelRef.Hub("someone/else", "main", List.of()));
    assertThat(store.list()).isEmpty();
  }
}
