package dev.findmypic.models.store;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Builds a repository in a hub cache by hand, exactly as {@code huggingface_hub} lays it out (blobs named by ETag,
 * {@code refs/main} without a newline, relative symlinks in the snapshot), to test that FindMyPic uses such a tree
 * as it is.
 */
final class HfTree {
  private HfTree() {}

  /**
   * @param hubCache the hub cache
   * @param repoId the repository
   * @param commit the commit {@code refs/main} points at
   * @param files path → content; files ending in {@code .json} get a git-sha1 ETag, others a sha256 one (LFS)
   * @return the repository folder
   */
  static Path write(Path hubCache, String repoId, String commit, Map<String, byte[]> files) throws IOException {
    Path repo = hubCache.resolve("models--" + repoId.replace("/", "--"));
    Files.createDirectories(repo.resolve("blobs"));
    Files.createDirectories(repo.resolve("refs"));
    Files.writeString(repo.resolve("refs/main"), commit, StandardCharsets.UTF_8);
    for (Map.Entry<String, byte[]> e : files.entrySet()) {
      String etag = e.getKey().endsWith(".json") ? FakeHub.gitSha1(e.getValue()) : FakeHub.sha256(e.getValue());
      Files.write(repo.resolve("blobs").resolve(etag), e.getValue());
      Path link = repo.resolve("snapshots").resolve(commit).resolve(e.getKey());
      Files.createDirectories(link.getParent());
      int depth = e.getKey().split("/").length - 1;
      Files.createSymbolicLink(link, Path.of("../".repeat(2 + depth) + "blobs/" + etag));
    }
    return repo;
  }
}
