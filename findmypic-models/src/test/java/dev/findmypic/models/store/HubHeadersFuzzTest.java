package dev.findmypic.models.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.findmypic.core.testing.FuzzHarness;
import java.net.URI;
import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Fuzzes what the hub client takes from a server it does not trust: the input is a block of {@code Name: value}
 * header lines ({@code ETag}, {@code X-Linked-Etag}, {@code X-Linked-Size}, {@code X-Repo-Commit}, {@code Location},
 * {@code Content-Range}) plus a {@code File:} line standing for a file name from the Hub's tree listing. Each value
 * goes through the same checks the client applies, and a path that passes must resolve inside the cache directory.
 * This target lives in the store package itself because those checks are package-private.
 */
class HubHeadersFuzzTest {
  private static final Path CACHE = Path.of("/tmp/fuzz-hub-cache/models--a--b/snapshots/" + "0".repeat(40));
  private static final URI RESOLVE = URI.create("https://huggingface.co/a/b/resolve/main/model.onnx");
  private static final DownloadTarget TARGET = new DownloadTarget("a/b", "main", "model.onnx");

  @TestFactory
  Stream<DynamicTest> corpus() {
    return FuzzHarness.regression("hub-headers", List.of(), 60, HubHeadersFuzzTest::target);
  }

  @FuzzTest(maxDuration = "2m")
  void fuzz(byte[] input) {
    FuzzHarness.check(input, HubHeadersFuzzTest::target);
  }

  private static void target(byte[] input) {
    Map<String, List<String>> map = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    for (String line : new String(input, StandardCharsets.UTF_8).split("\n")) {
      int colon = line.indexOf(':');
      String name = colon < 0 ? "" : line.substring(0, colon).trim();
      if (!name.isEmpty()) { // an HTTP client never hands over a header without a name
        map.computeIfAbsent(name, k -> new ArrayList<>()).add(line.substring(colon + 1).trim());
      }
    }
    HttpHeaders headers = HttpHeaders.of(map, (k, v) -> true);
    checkEach(
        () -> SafePaths.checkEtag(HubFileMetadata.normalizeEtag(headers.firstValue("X-Linked-Etag")
            .or(() -> headers.firstValue("ETag")).orElse("")), "fuzz"),
        () -> SafePaths.checkCommit(headers.firstValue("X-Repo-Commit").orElse(""), "fuzz"),
        () -> assertThat(SafePaths.resolveInside(CACHE, headers.firstValue("File").orElse(""), "file").startsWith(CACHE)).isTrue(),
        () -> SafePaths.resolveInside(CACHE, HubFileMetadata.normalizeEtag(headers.firstValue("ETag").orElse("")), "blob"),
        () -> assertThat(HttpTransport.redirectTarget(RESOLVE, headers, TARGET).getScheme()).isIn("http", "https"),
        () -> HttpTransport.resumesAt(headers.firstValue("Content-Range").orElse(""), 10),
        () -> HttpTransport.sizeHeader(headers, "X-Linked-Size", TARGET));
  }

  private static void checkEach(Runnable... checks) {
    for (Runnable check : checks) {
      FuzzHarness.check(new byte[0], ignored -> check.run());
    }
  }
}
