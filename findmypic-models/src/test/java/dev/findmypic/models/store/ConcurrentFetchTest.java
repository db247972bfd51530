package dev.findmypic.models.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.findmypic.core.store.ModelRef;
import dev.findmypic.core.store.ResolvedModel;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConcurrentFetchTest {
  static final String REPO = "sentence-transformers/all-MiniLM-L6-v2";
  static final String COMMIT = "c9745ed1d9f207416be6d2e6f8de32d1f16199bf";
  static final byte[] WEIGHTS = TestStores.bytes(200_000, 4);

  @TempDir Path tmp;
  FakeHub hub;
  FakeHub.FileSpec weights;

  @BeforeEach
  void setUp() throws Exception {
    hub = new FakeHub();
    hub.addRepo(REPO, COMMIT);
    weights = hub.addFile(REPO, COMMIT, "model.safetensors", WEIGHTS, true);
  }

  @AfterEach
  void tearDown() {
    hub.close();
  }

  ResolvedModel fetch() {
    return TestStores.store(TestStores.settings(tmp, hub.endpoint(), false))
        .resolve(new ModelRef.Hub(REPO, "main", List.of("model.safetensors")));
  }

  @Test
  void twoThreadsFetchingOneFileEndWithOneGoodCopyAndOneDownload() throws Exception {
    weights.getDelayMillis = 400;

    CompletableFuture<ResolvedModel> a = CompletableFuture.supplyAsync(this::fetch);
    CompletableFuture<ResolvedModel> b = CompletableFuture.supplyAsync(this::fetch);

    assertThat(Files.readAllBytes(a.get(30, TimeUnit.SECONDS).file("model.safetensors"))).isEqualTo(WEIGHTS);
    assertThat(Files.readAllBytes(b.get(30, TimeUnit.SECONDS).file("model.safetensors"))).isEqualTo(WEIGHTS);
    assertThat(hub.requests("GET", "model.safetensors")).hasSize(1);
    assertThat(hub.requests("HEAD", "model.safetensors")).hasSize(2);
    assertNoLeftovers();
  }

  @Test
  void aSecondProcessWaitsForTheFirstAndDownloadsNothing() throws Exception {
    weights.getDelayMillis = 2500;
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Process other = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
        ConcurrentFetchMain.class.getName(), hub.endpoint().toString(), tmp.toString(), REPO, "main",
        "model.safetensors").redirectErrorStream(true).start();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (hub.requests("GET", "model.safetensors").isEmpty() && other.isAlive() && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    assertThat(hub.requests("GET", "model.safetensors")).as("the other process started its download").hasSize(1);

    ResolvedModel mine = fetch(); // blocks on the other process's file lock, then finds the blob

    assertThat(other.waitFor(60, TimeUnit.SECONDS)).isTrue();
    String out = new String(other.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(other.exitValue()).as(out).isZero();
    assertThat(out).contains("OK " + FakeHub.sha256(WEIGHTS));
    assertThat(Files.readAllBytes(mine.file("model.safetensors"))).isEqualTo(WEIGHTS);
    assertThat(mine.source()).isEqualTo(ResolvedModel.Source.CACHE);
    assertThat(hub.requests("GET", "model.safetensors")).hasSize(1);
    assertNoLeftovers();
  }

  private void assertNoLeftovers() throws IOException {
    Path blobs = tmp.resolve("home/.cache/huggingface/hub/models--sentence-transformers--all-MiniLM-L6-v2/blobs");
    try (Stream<Path> s = Files.list(blobs)) {
      assertThat(s.map(p -> p.getFileName().toString())).containsExactly(FakeHub.sha256(WEIGHTS));
    }
  }
}
