package dev.findmypic.models.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.findmypic.core.ModelException;
import dev.findmypic.core.store.ModelRef;
import dev.findmypic.core.store.ResolvedModel;
import dev.findmypic.models.store.ModelDownloadException.Reason;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HubDownloadTest {
  static final String REPO = "openai/clip-vit-base-patch32";
  static final String COMMIT = "3d74acf9a28c67741b2f4f2ea7635f0aaf6f0268";
  static final byte[] CONFIG = "{\"model_type\": \"clip\"}\n".getBytes(StandardCharsets.UTF_8);
  static final byte[] WEIGHTS = TestStores.bytes(300_000, 1);
  static final byte[] ONNX = TestStores.bytes(50_000, 2);

  @TempDir Path tmp;
  FakeHub hub;
  FakeHub.FileSpec config;
  FakeHub.FileSpec weights;

  @BeforeEach
  void startHub() throws Exception {
    hub = new FakeHub();
    hub.addRepo(REPO, COMMIT);
    config = hub.addFile(REPO, COMMIT, "config.json", CONFIG, false);
    weights = hub.addFile(REPO, COMMIT, "model.safetensors", WEIGHTS, true);
    hub.addFile(REPO, COMMIT, "onnx/model.onnx", ONNX, true);
  }

  @AfterEach
  void stopHub() {
    hub.close();
  }

  DefaultModelStore online() {
    return TestStores.store(TestStores.settings(tmp, hub.endpoint(), false));
  }

  static ModelRef.Hub ref(String revision, String... files) {
    return new ModelRef.Hub(REPO, revision, List.of(files));
  }

  @Test
  void downloadWritesTheExactLayoutOfHuggingfaceHub() throws Exception {
    ResolvedModel m = online().resolve(ref("main", "config.json", "model.safetensors", "onnx/model.onnx"));

    Path repo = tmp.resolve("home/.cache/huggingface/hub/models--openai--clip-vit-base-patch32");
    assertThat(m.source()).isEqualTo(ResolvedModel.Source.DOWNLOADED);
    assertThat(m.revision()).isEqualTo(COMMIT);
    assertThat(m.directory()).isEqualTo(repo.resolve("snapshots/" + COMMIT));
    assertThat(Files.readString(repo.resolve("refs/main"))).isEqualTo(COMMIT); // no newline, as huggingface_hub
    String configEtag = FakeHub.gitSha1(CONFIG);
    String weightsEtag = FakeHub.sha256(WEIGHTS);
    Path snap = repo.resolve("snapshots/" + COMMIT);
    assertThat(Files.isSymbolicLink(snap.resolve("config.json"))).isTrue();
    assertThat(Files.readSymbolicLink(snap.resolve("config.json")).toString()).isEqualTo("../../blobs/" + configEtag);
    assertThat(Files.readSymbolicLink(snap.resolve("model.safetensors")).toString())
        .isEqualTo("../../blobs/" + weightsEtag);
    assertThat(Files.readSymbolicLink(snap.resolve("onnx/model.onnx")).toString())
        .isEqualTo("../../../blobs/" + FakeHub.sha256(ONNX));
    assertThat(Files.readAllBytes(m.file("model.safetensors"))).isEqualTo(WEIGHTS);
    try (Stream<Path> blobs = Files.list(repo.resolve("blobs"))) {
      assertThat(blobs.map(p -> p.getFileName().toString()))
          .containsExactlyInAnyOrder(configEtag, weightsEtag, FakeHub.sha256(ONNX));
    }
    assertThat(tmp.resolve("home/.cache/huggingface/hub/.locks/models--openai--clip-vit-base-patch32")).isDirectory();
  }

  @Test
  void pinnedCommitInCacheNeedsNoRequest() {
    online().resolve(ref(COMMIT, "config.json", "model.safetensors"));
    int before = hub.requests.size();

    ResolvedModel again = online().resolve(ref(COMMIT, "config.json", "model.safetensors"));

    assertThat(again.source()).isEqualTo(ResolvedModel.Source.CACHE);
    assertThat(hub.requests).hasSize(before);
  }

  @Test
  void droppedConnectionResumesWithRange() throws Exception {
    weights.dropAfter = 100_000;
    weights.dropsLeft.set(1);
    AtomicLong lastDone = new AtomicLong();

    ResolvedModel m = online().resolve(ref("main", "model.safetensors"),
        (file, done, total) -> lastDone.set(done));

    List<FakeHub.Request> gets = hub.requests("GET", "model.safetensors");
    assertThat(gets).hasSize(2);
    assertThat(gets.get(0).header("Range")).isNull();
    assertThat(gets.get(1).header("Range")).isEqualTo("bytes=100000-");
    assertThat(Files.readAllBytes(m.file("model.safetensors"))).isEqualTo(WEIGHTS);
    assertThat(lastDone.get()).isEqualTo(WEIGHTS.length);
  }

  @Test
  void contentThatDoesNotMatchItsSha256NeverReachesTheSnapshot() throws Exception {
    byte[] bad = WEIGHTS.clone();
    bad[1234] ^= 1;
    weights.served = bad;

    assertThatThrownBy(() -> online().resolve(ref("main", "model.safetensors")))
        .isInstanceOfSatisfying(ModelDownloadException.class, e -> assertThat(e.reason()).isEqualTo(Reason.INTEGRITY))
        .hasMessageContaining("model.safetensors")
        .hasMessageContaining(REPO)
        .hasMessageContaining(FakeHub.sha256(WEIGHTS));
    Path repo = tmp.resolve("home/.cache/huggingface/hub/models--openai--clip-vit-base-patch32");
    assertThat(repo.resolve("snapshots/" + COMMIT + "/model.safetensors")).doesNotExist();
    try (Stream<Path> blobs = Files.list(repo.resolve("blobs"))) {
      assertThat(blobs).isEmpty(); // neither a blob nor a leftover .incomplete
    }
  }

  @Test
  void eachNotFoundSaysWhichThingIsMissing() {
    assertThatThrownBy(() -> online().resolve(new ModelRef.Hub("openai/nope", "main", List.of("config.json"))))
        .isInstanceOfSatisfying(ModelDownloadException.class,
            e -> assertThat(e.reason()).isEqualTo(Reason.REPOSITORY_NOT_FOUND))
        .hasMessageContaining("model openai/nope not found");
    assertThatThrownBy(() -> online().resolve(ref("v9", "config.json")))
        .isInstanceOfSatisfying(ModelDownloadException.class,
            e -> assertThat(e.reason()).isEqualTo(Reason.REVISION_NOT_FOUND))
        .hasMessageContaining("revision 'v9' of model " + REPO);
    assertThatThrownBy(() -> online().resolve(ref("main", "pytorch_model.bin")))
        .isInstanceOfSatisfying(ModelDownloadException.class,
            e -> assertThat(e.reason()).isEqualTo(Reason.FILE_NOT_FOUND))
        .hasMessageContaining("file 'pytorch_model.bin' of model " + REPO);
  }

  @Test
  void gatedRepositoryIsAnAccessErrorThatNamesTheFixes() {
    config.failFirst.add(401);
    config.failHeaders.put("X-Error-Code", "GatedRepo");

    assertThatThrownBy(() -> online().resolve(ref("main", "config.json")))
        .isInstanceOfSatisfying(ModelDownloadException.class,
            e -> assertThat(e.reason()).isEqualTo(Reason.ACCESS_DENIED))
        .hasMessageContaining("HTTP 401")
        .hasMessageContaining("gated")
        .hasMessageContaining("file 'config.json' of model " + REPO)
        .hasMessageContaining("HF_TOKEN");
  }

  @Test
  void serverErrorIsRetriedThenSucceeds() throws Exception {
    config.failFirst.add(500);

    ResolvedModel m = online().resolve(ref("main", "config.json"));

    assertThat(Files.readAllBytes(m.file("config.json"))).isEqualTo(CONFIG);
    assertThat(hub.requests("HEAD", "config.json")).hasSize(2);
  }

  @Test
  void persistentRateLimitGivesUpAfterTheLastAttempt() {
    config.failFirst.addAll(List.of(429, 429, 429, 429));

    assertThatThrownBy(() -> online().resolve(ref("main", "config.json")))
        .isInstanceOfSatisfying(ModelDownloadException.class,
            e -> assertThat(e.reason()).isEqualTo(Reason.RATE_LIMITED))
        .hasMessageContaining("HTTP 429");
    assertThat(hub.requests("HEAD", "config.json")).hasSize(3);
  }

  @Test
  void redirectToAnotherHostDoesNotCarryTheToken() throws Exception {
    hub.lfsViaCdn = true;
    DefaultModelStore store = TestStores.store(TestStores.settings(tmp, hub.endpoint(), false).withToken("hf_secret"));

    ResolvedModel m = store.resolve(ref("main", "config.json", "model.safetensors"));

    assertThat(Files.readAllBytes(m.file("model.safetensors"))).isEqualTo(WEIGHTS);
    List<FakeHub.Request> atCdn = hub.requests.stream().filter(r -> r.server().equals("cdn")).toList();
    assertThat(atCdn).extracting(FakeHub.Request::method).containsExactly("GET");
    assertThat(atCdn).allSatisfy(r -> assertThat(r.header("Authorization")).isNull());
    List<FakeHub.Request> atHub = hub.requests.stream().filter(r -> r.server().equals("hub")).toList();
    assertThat(atHub).isNotEmpty().allSatisfy(r -> assertThat(r.header("Authorization")).isEqualTo("Bearer hf_secret"));
  }

  @Test
  void hostileEtagOrPathCannotEscapeTheCache() {
    config.etagOverride = "..%2F..%2Fevil";
    assertThatThrownBy(() -> online().resolve(ref("main", "config.json")))
        .isInstanceOf(ModelException.class)
        .hasMessageContaining("ETag");
    assertThatThrownBy(() -> online().resolve(ref("main", "../../../etc/passwd")))
        .isInstanceOf(ModelException.class)
        .hasMessageContaining("'..'");
    assertThat(hub.requests("HEAD", "passwd")).isEmpty();
  }

  @Test
  void damagedBlobIsFetchedAgainOnline() throws Exception {
    ResolvedModel m = online().resolve(ref(COMMIT, "model.safetensors"));
    Path blob = m.file("model.safetensors").toRealPath();
    byte[] damaged = WEIGHTS.clone();
    damaged[7] ^= 0x40;
    Files.write(blob, damaged);

    ResolvedModel again = online().resolve(ref(COMMIT, "model.safetensors"));

    assertThat(again.source()).isEqualTo(ResolvedModel.Source.DOWNLOADED);
    assertThat(Files.readAllBytes(again.file("model.safetensors"))).isEqualTo(WEIGHTS);
  }

  @Test
  void planGivesSizesAndCacheStateWithoutDownloading() {
    online().resolve(ref("main", "config.json"));
    int getsBefore = hub.requests("GET", "").size();

    var plan = online().plan(ref("main", "config.json", "model.safetensors"));

    assertThat(plan.files()).extracting(p -> p.path() + ":" + p.bytes() + ":" + p.cached())
        .containsExactly("config.json:" + CONFIG.length + ":true", "model.safetensors:" + WEIGHTS.length + ":false");
    assertThat(plan.bytesToDownload()).isEqualTo(WEIGHTS.length);
    assertThat(hub.requests("GET", "")).hasSize(getsBefore);
  }

  @Test
  void partialFileLeftByAKilledRunIsResumedButAnotherToolsIsLeftAlone() throws Exception {
    Path blobs = Files.createDirectories(
        tmp.resolve("home/.cache/huggingface/hub/models--openai--clip-vit-base-patch32/blobs"));
    String etag = FakeHub.sha256(WEIGHTS);
    Path pythons = Files.write(blobs.resolve(etag + ".1a2b3c.incomplete"), new byte[] {1, 2, 3});
    Files.write(blobs.resolve(etag + ".fmp-dead.incomplete"), java.util.Arrays.copyOf(WEIGHTS, 120_000));

    ResolvedModel m = online().resolve(ref("main", "model.safetensors"));

    assertThat(hub.requests("GET", "model.safetensors")).singleElement()
        .satisfies(r -> assertThat(r.header("Range")).isEqualTo("bytes=120000-"));
    assertThat(Files.readAllBytes(m.file("model.safetensors"))).isEqualTo(WEIGHTS);
    assertThat(Files.readAllBytes(pythons)).containsExactly(1, 2, 3); // huggingface_hub's own, maybe in use
    assertThat(blobs.resolve(etag + ".fmp-dead.incomplete")).doesNotExist();
  }

  @Test
  @org.junit.jupiter.api.Timeout(40)
  void serverThatStallsMidBodyHitsTheReadTimeoutAndIsResumed() throws Exception {
    weights.dropAfter = 64_000;
    weights.stallMillis = 120_000; // far longer than the test may run: only the read timeout can end the wait
    weights.dropsLeft.set(1);
    DefaultModelStore store = TestStores.store(TestStores.settings(tmp, hub.endpoint(), false)
        .withTimeouts(java.time.Duration.ofSeconds(5), java.time.Duration.ofSeconds(1))
        .withRetries(5, java.time.Duration.ofMillis(10)));

    ResolvedModel m = store.resolve(ref("main", "model.safetensors"));

    assertThat(Files.readAllBytes(m.file("model.safetensors"))).isEqualTo(WEIGHTS);
    List<FakeHub.Request> gets = hub.requests("GET", "model.safetensors");
    assertThat(gets).hasSize(2);
    assertThat(gets.get(1).header("Range")).isEqualTo("bytes=64000-");
  }
}
