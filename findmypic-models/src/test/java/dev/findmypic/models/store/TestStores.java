package dev.findmypic.models.store;

import dev.findmypic.core.store.ModelRef;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** Settings and stores for tests: every cache under a temporary directory, never the real home. */
final class TestStores {
  private TestStores() {}

  static StoreSettings settings(Path root, URI endpoint, boolean offline) {
    return StoreSettings.fromEnvironment(Map.of(), root.resolve("home"), root.resolve("data"))
        .withEndpoint(endpoint)
        .withOffline(offline)
        .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(5))
        .withRetries(3, Duration.ofMillis(10));
  }

  static DefaultModelStore store(StoreSettings settings) {
    return new DefaultModelStore(settings, List.<ModelRef>of(), TestStores.class.getClassLoader());
  }

  static byte[] bytes(int n, int seed) {
    byte[] b = new byte[n];
    java.util.Random r = new java.util.Random(seed);
    r.nextBytes(b);
    return b;
  }
}
