package dev.findmypic.models.store;

import dev.findmypic.core.ModelException;
import dev.findmypic.core.store.DownloadListener;
import dev.findmypic.core.store.ModelPlan;
import dev.findmypic.core.store.ModelRef;
import dev.findmypic.core.store.ResolvedModel;
import dev.findmypic.models.store.ModelDownloadException.Reason;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Resolves {@link ModelRef.Hub} models through the hub cache: offline from the cache alone; online with a pinned
 * commit from the cache alone when every file is there; otherwise with one {@code HEAD} per file and a download of
 * each blob that is missing or no longer matches its ETag.
 */
final class HubSource {
  private static final Logger LOG = LoggerFactory.getLogger(HubSource.class);

  private final StoreSettings settings;
  private final HubClient client;
  private final FileVerifier verifier;

  HubSource(StoreSettings settings, HubClient client, FileVerifier verifier) {
    this.settings = settings;
    this.client = client;
    this.verifier = verifier;
  }

  HfRepoCache repo(ModelRef.Hub ref) {
    return new HfRepoCache(settings.hubCache(), ref.repoId());
  }

  ResolvedModel resolve(ModelRef.Hub ref, DownloadListener listener) {
    HfRepoCache repo = repo(ref);
    if (settings.offline()) {
      return offline(ref, repo);
    }
    String commit = SafePaths.isCommit(ref.revision()) ? ref.revision() : null;
    boolean downloaded = false;
    try {
      for (String file : ref.files()) {
        SafePaths.checkRelative(file, "file path");
        if (commit != null && cachedFileProblem(repo, commit, file, false).isEmpty()) {
          continue;
        }
        HubFileMetadata meta;
        try {
          meta = client.head(ref.repoId(), commit != null ? commit : ref.revision(), file);
        } catch (ModelDownloadException e) {
          if (e.reason() == Reason.NETWORK) {
            Optional<ResolvedModel> cached = cachedCopy(ref, false);
            if (cached.isPresent()) {
              LOG.warn("the Hub cannot be reached ({}); using the cached {} at {}", e.getMessage(), ref.repoId(),
                  cached.get().revision());
              return cached.get();
            }
          }
          throw e;
        }
        if (commit == null) {
          commit = meta.commit();
          if (!ref.revision().equals(commit)) {
            repo.writeRef(ref.revision(), commit);
          }
        }
        downloaded |= fetchBlob(repo, new DownloadTarget(ref.repoId(), ref.revision(), file), meta, listener);
        repo.link(repo.blob(meta.etag()), repo.snapshotFile(commit, file));
      }
    } catch (IOException e) {
      throw new ModelException("cannot write model " + ref.repoId() + " into the hub cache " + settings.hubCache()
          + ": " + e, e);
    }
    if (commit == null) {
      commit = repo.readRef(ref.revision()).orElseThrow(() -> new ModelException("model " + ref.repoId()
          + " lists no files, so revision " + ref.revision() + " cannot be resolved"));
    }
    return new ResolvedModel(ref, repo.snapshotDir(commit), commit,
        downloaded ? ResolvedModel.Source.DOWNLOADED : ResolvedModel.Source.CACHE);
  }

  /**
   * Finds a complete, matching copy in the cache without network: the pinned commit, else what the revision's ref
   * points at, else (when {@code anyRevision}) the newest other snapshot that has every file.
   *
   * @param ref the model
   * @param anyRevision true to accept a snapshot of another commit
   * @return the cached copy, if there is one
   */
  Optional<ResolvedModel> cachedCopy(ModelRef.Hub ref, boolean anyRevision) {
    HfRepoCache repo = repo(ref);
    List<String> candidates = new ArrayList<>();
    if (SafePaths.isCommit(ref.revision())) {
      candidates.add(ref.revision());
    } else {
      repo.readRef(ref.revision()).ifPresent(candidates::add);
    }
    if (anyRevision) {
      repo.readRef("main").ifPresent(candidates::add);
      candidates.addAll(repo.snapshotCommits());
    }
    for (String commit : candidates) {
      if (ref.files().stream().allMatch(f -> Files.isRegularFile(repo.snapshotFile(commit, f)))
          && problems(ref, repo, commit, false).isEmpty()) {
        return Optional.of(new ResolvedModel(ref, repo.snapshotDir(commit), commit, ResolvedModel.Source.CACHE));
      }
    }
    return Optional.empty();
  }

  ModelPlan plan(ModelRef.Hub ref) {
    HfRepoCache repo = repo(ref);
    String commit = SafePaths.isCommit(ref.revision()) ? ref.revision() : repo.readRef(ref.revision()).orElse(null);
    List<ModelPlan.PlannedFile> files = new ArrayList<>();
    for (String file : ref.files()) {
      Path snap = commit == null ? null : repo.snapshotFile(commit, file);
      if (snap != null && Files.isRegularFile(snap)) {
        files.add(new ModelPlan.PlannedFile(file, sizeOf(snap), true));
      } else if (settings.offline()) {
        files.add(new ModelPlan.PlannedFile(file, -1, false));
      } else {
        HubFileMetadata meta = client.head(ref.repoId(), commit != null ? commit : ref.revision(), file);
        boolean haveBlob = Files.isRegularFile(repo.blob(meta.etag()));
        files.add(new ModelPlan.PlannedFile(file, meta.size(), haveBlob));
      }
    }
    return new ModelPlan(ref, files);
  }

  List<String> verify(ModelRef.Hub ref) {
    HfRepoCache repo = repo(ref);
    String commit = SafePaths.isCommit(ref.revision()) ? ref.revision() : repo.readRef(ref.revision()).orElse(null);
    if (commit == null) {
      return List.of(ref.repoId() + ": not in the cache (no " + repo.folder().resolve("refs").resolve(ref.revision())
          + ")");
    }
    return problems(ref, repo, commit, true);
  }

  private ResolvedModel offline(ModelRef.Hub ref, HfRepoCache repo) {
    String commit = SafePaths.isCommit(ref.revision()) ? ref.revision() : repo.readRef(ref.revision()).orElse(null);
    List<Path> searched = List.of(repo.folder());
    if (commit == null) {
      throw new ModelNotCachedException(ModelStoreMessages.notCachedOffline(ref.repoId(), searched,
          "the cache has no record of revision '" + ref.revision() + "' (no " + repo.folder().resolve("refs")
              .resolve(ref.revision()) + ")"));
    }
    List<String> missing = new ArrayList<>();
    for (String file : ref.files()) {
      if (!Files.isRegularFile(repo.snapshotFile(commit, file))) {
        missing.add(file);
      }
    }
    if (!missing.isEmpty()) {
      throw new ModelNotCachedException(ModelStoreMessages.notCachedOffline(ref.repoId(), searched,
          "snapshot " + commit + " lacks " + String.join(", ", missing)));
    }
    List<String> bad = problems(ref, repo, commit, false);
    if (!bad.isEmpty()) {
      throw new ModelException("model " + ref.repoId() + " is in the cache but damaged, and the store is offline so "
          + "it cannot fetch it again: " + String.join("; ", bad) + ". Delete " + repo.folder()
          + " and download it again while online, or copy a good cache from another machine.");
    }
    return new ResolvedModel(ref, repo.snapshotDir(commit), commit, ResolvedModel.Source.CACHE);
  }

  private List<String> problems(ModelRef.Hub ref, HfRepoCache repo, String commit, boolean thorough) {
    List<String> problems = new ArrayList<>();
    for (String file : ref.files()) {
      cachedFileProblem(repo, commit, file, thorough).ifPresent(problems::add);
    }
    return problems;
  }

  /** @return empty if the snapshot file exists and its blob matches its ETag, else the problem */
  private Optional<String> cachedFileProblem(HfRepoCache repo, String commit, String file, boolean thorough) {
    Path snap = repo.snapshotFile(commit, file);
    if (!Files.isRegularFile(snap)) {
      return Optional.of(snap + ": missing");
    }
    try {
      if (!Files.isSymbolicLink(snap)) {
        return Optional.empty(); // a copy made where links are impossible: no ETag to check against
      }
      Path blob = snap.toRealPath();
      String etag = blob.getFileName().toString();
      Digests.Kind kind = Digests.kindOfEtag(etag);
      return kind == null ? Optional.empty() : verifier.mismatch(blob, kind, etag, thorough);
    } catch (IOException e) {
      return Optional.of(snap + ": cannot be read (" + e + ")");
    }
  }

  /** @return true if the blob was downloaded, false if a good copy was already there */
  @SuppressWarnings("try") // the lock is held for the block's duration, never referenced
  private boolean fetchBlob(HfRepoCache repo, DownloadTarget target, HubFileMetadata meta, DownloadListener listener)
      throws IOException {
    Path blob = repo.blob(meta.etag());
    Digests.Kind kind = Digests.kindOfEtag(meta.etag());
    if (goodBlob(blob, kind, meta)) {
      return false;
    }
    try (FileLocks.Held lock = FileLocks.acquire(repo.lockFile(meta.etag()))) {
      if (goodBlob(blob, kind, meta)) {
        return false; // another thread or process fetched it while this one waited
      }
      if (Files.exists(blob)) {
        LOG.warn("{} no longer matches its ETag; fetching it again", blob);
        Files.delete(blob);
      }
      Path incomplete = repo.incompleteFor(meta.etag());
      client.download(meta, incomplete, target, listener);
      checkDownloaded(incomplete, kind, meta, target);
      Files.move(incomplete, blob, StandardCopyOption.ATOMIC_MOVE);
      if (kind != null) {
        verifier.ledger().markVerified(blob, kind, meta.etag());
      }
      return true;
    }
  }

  private boolean goodBlob(Path blob, Digests.Kind kind, HubFileMetadata meta) throws IOException {
    if (!Files.isRegularFile(blob)) {
      return false;
    }
    if (kind == null) {
      return meta.size() < 0 || Files.size(blob) == meta.size();
    }
    return verifier.mismatch(blob, kind, meta.etag(), false).isEmpty();
  }

  private static void checkDownloaded(Path incomplete, Digests.Kind kind, HubFileMetadata meta,
      DownloadTarget target) throws IOException {
    long size = Files.size(incomplete);
    String problem = null;
    if (meta.size() >= 0 && size != meta.size()) {
      problem = "it has " + size + " bytes, the Hub announced " + meta.size();
    } else if (kind != null) {
      String actual = Digests.hash(kind, incomplete);
      if (!actual.equals(meta.etag())) {
        problem = "its " + FileVerifier.name(kind) + " is " + actual + ", the Hub announced " + meta.etag();
      }
    }
    if (problem != null) {
      Files.deleteIfExists(incomplete);
      throw new ModelDownloadException(Reason.INTEGRITY, "downloaded " + target.describe() + " is corrupt: " + problem
          + ". It was discarded and nothing was added to the cache. Run again; if it happens again, the server or a "
          + "proxy on the way alters the file (check HF_ENDPOINT).", null);
    }
  }

  private static long sizeOf(Path p) {
    try {
      return Files.size(p);
    } catch (IOException e) {
      return -1;
    }
  }
}
