package dev.findmypic.models.store;

import dev.findmypic.core.ModelException;
import dev.findmypic.core.store.DownloadListener;
import dev.findmypic.core.store.ModelPlan;
import dev.findmypic.core.store.ModelRef;
import dev.findmypic.core.store.ResolvedModel;
import dev.findmypic.models.store.ModelDownloadException.Reason;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Flow;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Resolves {@link ModelRef.Url} models: files at plain URLs, kept where the Python tool that uses them keeps them
 * ({@code $TORCH_HOME/checkpoints} for facenet-pytorch, {@code ~/.EasyOCR/model} for EasyOCR), checked against the
 * published sha256 or md5, or else against the sha256 recorded the first time the file was seen.
 */
final class UrlSource {
  private static final Logger LOG = LoggerFactory.getLogger(UrlSource.class);
  private static final long MAX_EXTRACTED_BYTES = 8L << 30;
  private static final int MAX_REDIRECTS = 10;

  private final StoreSettings settings;
  private final HttpTransport http;
  private final FileVerifier verifier;

  UrlSource(StoreSettings settings, HttpTransport http, FileVerifier verifier) {
    this.settings = settings;
    this.http = http;
    this.verifier = verifier;
  }

  Path dir(ModelRef.Url ref) {
    return settings.urlCacheDir(ref.cache());
  }

  Path fileOf(ModelRef.Url ref, ModelRef.UrlFile f) {
    return SafePaths.resolveInside(dir(ref), f.fileName(), "file name");
  }

  @SuppressWarnings("try") // the lock is held for the block's duration, never referenced
  ResolvedModel resolve(ModelRef.Url ref, DownloadListener listener) {
    boolean downloaded = false;
    try {
      for (ModelRef.UrlFile f : ref.files()) {
        Path target = fileOf(ref, f);
        Optional<String> problem = problem(f, target, false);
        if (problem.isEmpty()) {
          continue;
        }
        if (settings.offline()) {
          throw offlineFailure(ref, f, target, problem.get());
        }
        try (FileLocks.Held lock = FileLocks.acquire(dir(ref).resolve(".locks").resolve(f.fileName() + ".lock"))) {
          problem = problem(f, target, false);
          if (problem.isEmpty()) {
            continue;
          }
          if (Files.exists(target)) {
            LOG.warn("{}; fetching it again from {}", problem.get(), f.uri());
            Files.delete(target);
            verifier.ledger().forgetBelow(target);
          }
          fetch(ref, f, target, listener);
          downloaded = true;
        }
      }
    } catch (IOException e) {
      throw new ModelException("cannot write model " + ref.id() + " into " + dir(ref) + ": " + e, e);
    }
    return new ResolvedModel(ref, dir(ref), revision(ref),
        downloaded ? ResolvedModel.Source.DOWNLOADED : ResolvedModel.Source.CACHE);
  }

  /** @return true if every file is present and matches, checked without network */
  boolean isCached(ModelRef.Url ref) {
    try {
      for (ModelRef.UrlFile f : ref.files()) {
        if (problem(f, fileOf(ref, f), false).isPresent()) {
          return false;
        }
      }
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  List<String> verify(ModelRef.Url ref) {
    List<String> problems = new ArrayList<>();
    for (ModelRef.UrlFile f : ref.files()) {
      try {
        problem(f, fileOf(ref, f), true).ifPresent(problems::add);
      } catch (IOException e) {
        problems.add(fileOf(ref, f) + ": cannot be read (" + e + ")");
      }
    }
    return problems;
  }

  ModelPlan plan(ModelRef.Url ref) {
    List<ModelPlan.PlannedFile> files = new ArrayList<>();
    for (ModelRef.UrlFile f : ref.files()) {
      Path target = fileOf(ref, f);
      boolean cached;
      try {
        cached = problem(f, target, false).isEmpty();
      } catch (IOException e) {
        cached = false;
      }
      long size = cached ? sizeOf(target) : settings.offline() ? -1 : remoteSize(ref, f);
      files.add(new ModelPlan.PlannedFile(f.fileName(), size, cached));
    }
    return new ModelPlan(ref, files);
  }

  /**
   * @return the model's revision: the single file's sha256, or a sha256 over every file's name and sha256
   */
  private String revision(ModelRef.Url ref) {
    List<String> hashes = new ArrayList<>();
    for (ModelRef.UrlFile f : ref.files()) {
      hashes.add(f.sha256() != null ? f.sha256() : verifier.ledger().trustedSha256(key(f)).orElse("unknown"));
    }
    if (hashes.size() == 1) {
      return hashes.get(0);
    }
    java.security.MessageDigest md = Digests.newDigest("SHA-256");
    for (int i = 0; i < hashes.size(); i++) {
      md.update((ref.files().get(i).fileName() + ":" + hashes.get(i) + "\n").getBytes(StandardCharsets.UTF_8));
    }
    return HexFormat.of().formatHex(md.digest());
  }

  /**
   * @return empty if the file is there and matches every published hash and its recorded sha256 (which is recorded
   *     now if this is the first time the file is seen), else what is wrong
   */
  private Optional<String> problem(ModelRef.UrlFile f, Path file, boolean thorough) throws IOException {
    if (!Files.isRegularFile(file)) {
      return Optional.of(file + ": missing");
    }
    if (f.md5() != null) {
      Optional<String> bad = verifier.mismatch(file, Digests.Kind.MD5, f.md5(), thorough);
      if (bad.isPresent()) {
        return bad;
      }
    }
    Optional<String> sha = f.sha256() != null ? Optional.of(f.sha256()) : verifier.ledger().trustedSha256(key(f));
    if (sha.isPresent()) {
      return verifier.mismatch(file, Digests.Kind.SHA256, sha.get(), thorough)
          .map(m -> m + (f.sha256() == null ? " (recorded on first download in " + HashLedger.TRUSTED_FILE + ")" : ""));
    }
    String first = Digests.hash(Digests.Kind.SHA256, file);
    LOG.info("{} has no published sha256; recording {} (trust on first use)", file, first);
    verifier.ledger().trust(key(f), first, file);
    verifier.ledger().markVerified(file, Digests.Kind.SHA256, first);
    return Optional.empty();
  }

  private void fetch(ModelRef.Url ref, ModelRef.UrlFile f, Path target, DownloadListener listener)
      throws IOException {
    DownloadTarget what = new DownloadTarget(ref.id(), null, f.fileName());
    Path incomplete = incompleteFor(target);
    http.download(f.uri(), incomplete, -1, what, listener);
    Path content = incomplete;
    if (f.fromZip()) {
      content = target.resolveSibling(target.getFileName() + ".fmp-" + random() + ".extracting");
      extract(incomplete, f.fileName(), content, what);
      Files.delete(incomplete);
    }
    List<String> bad = new ArrayList<>();
    if (f.md5() != null && !Digests.hash(Digests.Kind.MD5, content).equals(f.md5())) {
      bad.add("md5 is " + Digests.hash(Digests.Kind.MD5, content) + ", published " + f.md5());
    }
    String sha = Digests.hash(Digests.Kind.SHA256, content);
    Optional<String> expected = f.sha256() != null ? Optional.of(f.sha256()) : verifier.ledger().trustedSha256(key(f));
    if (expected.isPresent() && !expected.get().equals(sha)) {
      bad.add("sha256 is " + sha + ", expected " + expected.get()
          + (f.sha256() == null ? " (recorded when it was first downloaded; the file at the URL changed)" : ""));
    }
    if (!bad.isEmpty()) {
      Files.deleteIfExists(content);
      throw new ModelDownloadException(Reason.INTEGRITY, "downloaded " + what.describe() + " from " + f.uri()
          + " is not the expected file: " + String.join("; ", bad) + ". It was discarded. Run again; if it happens "
          + "again, the file at that URL is not the one FindMyPic expects.", null);
    }
    Files.move(content, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    if (expected.isEmpty()) {
      verifier.ledger().trust(key(f), sha, target);
    }
    verifier.ledger().markVerified(target, Digests.Kind.SHA256, sha);
  }

  private static void extract(Path zip, String entryName, Path out, DownloadTarget what) throws IOException {
    try (ZipFile z = new ZipFile(zip.toFile())) {
      ZipEntry entry = z.getEntry(entryName);
      if (entry == null || entry.isDirectory()) {
        throw new ModelDownloadException(Reason.INTEGRITY, "the archive downloaded for " + what.describe()
            + " has no entry '" + entryName + "'", null);
      }
      try (InputStream in = z.getInputStream(entry)) {
        long copied = copyBounded(in, out);
        LOG.info("extracted {} ({} bytes) from {}", entryName, copied, zip.getFileName());
      }
    } catch (java.util.zip.ZipException e) {
      throw new ModelDownloadException(Reason.INTEGRITY, "the archive downloaded for " + what.describe()
          + " is not a valid zip: " + e.getMessage(), e);
    }
  }

  private static long copyBounded(InputStream in, Path out) throws IOException {
    long total = 0;
    byte[] buf = new byte[1 << 16];
    try (var os = Files.newOutputStream(out)) {
      for (int n; (n = in.read(buf)) > 0; ) {
        total += n;
        if (total > MAX_EXTRACTED_BYTES) {
          throw new IOException("archive entry larger than " + MAX_EXTRACTED_BYTES + " bytes; refusing it");
        }
        os.write(buf, 0, n);
      }
    }
    return total;
  }

  /** @return a partial download of this file left by an earlier FindMyPic run, or a new name */
  private static Path incompleteFor(Path target) throws IOException {
    Files.createDirectories(target.getParent());
    String prefix = target.getFileName() + ".fmp-";
    try (Stream<Path> s = Files.list(target.getParent())) {
      Optional<Path> leftover = s.filter(p -> p.getFileName().toString().startsWith(prefix)
          && p.getFileName().toString().endsWith(HfRepoCache.INCOMPLETE_SUFFIX)).findFirst();
      if (leftover.isPresent()) {
        return leftover.get();
      }
    }
    return target.resolveSibling(prefix + random() + HfRepoCache.INCOMPLETE_SUFFIX);
  }

  private long remoteSize(ModelRef.Url ref, ModelRef.UrlFile f) {
    if (f.fromZip()) {
      return -1; // the archive's size is not the file's
    }
    DownloadTarget what = new DownloadTarget(ref.id(), null, f.fileName());
    java.net.URI uri = f.uri();
    for (int hop = 0; hop <= MAX_REDIRECTS; hop++) {
      HttpResponse<Flow.Publisher<List<ByteBuffer>>> r =
          http.send(http.request(uri).method("HEAD", HttpRequest.BodyPublishers.noBody()).build(), what);
      BodyReader.discard(r.body());
      if (HttpTransport.isRedirect(r.statusCode())) {
        uri = HttpTransport.redirectTarget(uri, r.headers(), what);
        continue;
      }
      return r.statusCode() / 100 == 2 ? r.headers().firstValueAsLong("Content-Length").orElse(-1L) : -1;
    }
    return -1;
  }

  private ModelException offlineFailure(ModelRef.Url ref, ModelRef.UrlFile f, Path target, String problem) {
    if (!Files.exists(target)) {
      return new ModelNotCachedException(ModelStoreMessages.notCachedOffline(ref.id(), List.of(dir(ref)),
          f.fileName() + " is missing (it is downloaded from " + f.uri() + ")"));
    }
    return new ModelException("model " + ref.id() + " is in the cache but damaged, and the store is offline so it "
        + "cannot fetch it again: " + problem + ". Delete " + target + " and download it again while online, or "
        + "copy a good one from another machine.");
  }

  static String key(ModelRef.UrlFile f) {
    return f.uri() + (f.fromZip() ? "#" + f.fileName() : "");
  }

  private static long sizeOf(Path p) {
    try {
      return Files.size(p);
    } catch (IOException e) {
      return -1;
    }
  }

  private static String random() {
    return Long.toHexString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE);
  }
}
