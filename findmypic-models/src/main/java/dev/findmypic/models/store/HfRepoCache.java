package dev.findmypic.models.store;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One repository's folder in the Hugging Face hub cache, laid out byte for byte as {@code huggingface_hub} lays it
 * out:
 *
 * <pre>
 * models--{org}--{name}/
 *   blobs/{etag}                       the files' bytes, named by ETag (sha256 for LFS files)
 *   refs/{revision}                    the commit hash a branch or tag pointed at, no newline
 *   snapshots/{commit}/{path}          relative symlinks to ../../blobs/{etag} (a copy where links fail)
 * .locks/models--{org}--{name}/{etag}.lock
 * </pre>
 *
 * <p>Downloads go to {@code blobs/{etag}.fmp-{random}.incomplete}, so they never collide with another process's and
 * never pass for a blob; only a verified file is moved, atomically, to its final name.
 */
final class HfRepoCache {
  private static final Logger LOG = LoggerFactory.getLogger(HfRepoCache.class);
  static final String INCOMPLETE_SUFFIX = ".incomplete";
  private static final String OWN_TAG = ".fmp-";

  private final Path hubCache;
  private final String repoId;
  private final Path folder;

  HfRepoCache(Path hubCache, String repoId) {
    this.hubCache = hubCache;
    this.repoId = repoId;
    this.folder = SafePaths.resolveInside(hubCache, folderName(repoId), "repository folder");
  }

  /**
   * @param repoId for example {@code openai/clip-vit-base-patch32}
   * @return {@code models--openai--clip-vit-base-patch32}
   */
  static String folderName(String repoId) {
    return "models--" + repoId.replace("/", "--");
  }

  /**
   * @param folderName a cache folder's name
   * @return the repository id, or empty if it is not a model folder
   */
  static Optional<String> repoIdOf(String folderName) {
    if (!folderName.startsWith("models--")) {
      return Optional.empty();
    }
    return Optional.of(folderName.substring("models--".length()).replace("--", "/"));
  }

  String repoId() {
    return repoId;
  }

  Path folder() {
    return folder;
  }

  Path blob(String etag) {
    return SafePaths.resolveInside(folder, "blobs/" + etag, "blob name (ETag)");
  }

  Path snapshotDir(String commit) {
    return SafePaths.resolveInside(folder, "snapshots/" + SafePaths.checkCommit(commit, repoId), "snapshot");
  }

  Path snapshotFile(String commit, String path) {
    return SafePaths.resolveInside(snapshotDir(commit), path, "file path");
  }

  Path lockFile(String etag) {
    return SafePaths.resolveInside(hubCache, ".locks/" + folderName(repoId) + "/" + etag + ".lock", "lock file");
  }

  Path locksFolder() {
    return SafePaths.resolveInside(hubCache, ".locks/" + folderName(repoId), "lock folder");
  }

  /**
   * @param revision a branch or tag
   * @return the commit {@code refs/{revision}} holds, if the file exists and holds one
   */
  Optional<String> readRef(String revision) {
    Path ref = SafePaths.resolveInside(folder, "refs/" + revision, "revision");
    try {
      if (!Files.isRegularFile(ref)) {
        return Optional.empty();
      }
      String commit = Files.readString(ref, StandardCharsets.UTF_8).trim();
      return SafePaths.isCommit(commit) ? Optional.of(commit) : Optional.empty();
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  /**
   * Records the commit a branch or tag points at, atomically.
   *
   * @param revision the branch or tag
   * @param commit its commit
   * @throws IOException if the file cannot be written
   */
  void writeRef(String revision, String commit) throws IOException {
    Path ref = SafePaths.resolveInside(folder, "refs/" + revision, "revision");
    if (commit.equals(readRef(revision).orElse(null))) {
      return;
    }
    Files.createDirectories(ref.getParent());
    Path tmp = ref.resolveSibling(ref.getFileName() + OWN_TAG + random() + ".tmp");
    Files.writeString(tmp, commit, StandardCharsets.UTF_8);
    Files.move(tmp, ref, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
  }

  /**
   * Picks the partial download to continue: one that an earlier FindMyPic process left (only FindMyPic's own, never
   * another tool's, which may still be writing), else a new name. Call with the blob's lock held.
   *
   * @param etag the blob
   * @return the {@code .incomplete} file to write
   * @throws IOException if the blobs folder cannot be listed or created
   */
  Path incompleteFor(String etag) throws IOException {
    Path blobs = folder.resolve("blobs");
    Files.createDirectories(blobs);
    String prefix = etag + OWN_TAG;
    try (Stream<Path> s = Files.list(blobs)) {
      List<Path> leftovers = s.filter(p -> {
        String n = p.getFileName().toString();
        return n.startsWith(prefix) && n.endsWith(INCOMPLETE_SUFFIX);
      }).sorted(Comparator.comparingLong(HfRepoCache::sizeOf).reversed()).collect(Collectors.toList());
      if (!leftovers.isEmpty()) {
        for (Path extra : leftovers.subList(1, leftovers.size())) {
          Files.deleteIfExists(extra);
        }
        LOG.info("resuming {} of {} from {} bytes left by an earlier run", etag, repoId, sizeOf(leftovers.get(0)));
        return leftovers.get(0);
      }
    }
    return blobs.resolve(prefix + random() + INCOMPLETE_SUFFIX);
  }

  /**
   * Makes a snapshot file point at a blob: a relative symlink as {@code huggingface_hub} makes, or a copy where the
   * file system refuses links. The link appears atomically.
   *
   * @param blob the verified blob
   * @param snapshotFile where the file must appear
   * @throws IOException if neither works
   */
  void link(Path blob, Path snapshotFile) throws IOException {
    Files.createDirectories(snapshotFile.getParent());
    Path tmp = snapshotFile.resolveSibling(snapshotFile.getFileName() + OWN_TAG + random() + ".tmp");
    try {
      Files.createSymbolicLink(tmp, snapshotFile.getParent().relativize(blob));
    } catch (UnsupportedOperationException | FileSystemException e) {
      LOG.info("symlinks not possible in {} ({}); copying {} instead", folder, e, blob.getFileName());
      Files.copy(blob, tmp, StandardCopyOption.REPLACE_EXISTING);
    }
    Files.move(tmp, snapshotFile, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
  }

  /** @return the bytes of the blobs folder, the repository's real size on disk */
  long sizeOnDisk() {
    Path blobs = folder.resolve("blobs");
    if (!Files.isDirectory(blobs)) {
      return 0;
    }
    try (Stream<Path> s = Files.list(blobs)) {
      return s.filter(Files::isRegularFile).mapToLong(HfRepoCache::sizeOf).sum();
    } catch (IOException e) {
      return 0;
    }
  }

  /** @return the commit hashes that have a snapshot folder */
  List<String> snapshotCommits() {
    Path snapshots = folder.resolve("snapshots");
    if (!Files.isDirectory(snapshots)) {
      return List.of();
    }
    try (Stream<Path> s = Files.list(snapshots)) {
      return s.map(p -> p.getFileName().toString()).filter(SafePaths::isCommit).sorted().collect(Collectors.toList());
    } catch (IOException e) {
      return List.of();
    }
  }

  private static long sizeOf(Path p) {
    try {
      return Files.size(p);
    } catch (IOException e) {
      return 0;
    }
  }

  private static String random() {
    return Long.toHexString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE);
  }
}
