package dev.findmypic.models.store;

import dev.findmypic.core.store.ModelRef;
import dev.findmypic.core.store.ResolvedModel;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Run in a second JVM by {@link ConcurrentFetchTest}: resolves one file and prints its sha256. */
public final class ConcurrentFetchMain {
  private ConcurrentFetchMain() {}

  /**
   * @param args endpoint, temporary root, repository, revision, file
   * @throws Exception on failure (exit code 1)
   */
  public static void main(String[] args) throws Exception {
    StoreSettings s = TestStores.settings(Path.of(args[1]), URI.create(args[0]), false);
    ResolvedModel m = TestStores.store(s).resolve(new ModelRef.Hub(args[2], args[3], List.of(args[4])));
    System.out.println("OK " + FakeHub.sha256(Files.readAllBytes(m.file(args[4]))));
  }
}
