package dev.findmypic.models.store;

import dev.findmypic.core.ModelException;
import dev.findmypic.core.store.ModelPlan;
import dev.findmypic.core.store.ModelRef;
import dev.findmypic.core.store.ResolvedModel;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLConnection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Resolves {@link ModelRef.Classpath} models: files that a Maven dependency put on the class path, extracted to
 * {@code <data dir>/embedded/<id>/<version>/} when a file path is first needed. Each file's sha256 is checked as it is
 * extracted, and the extracted copy is checked again whenever its size or modification time changed; a copy that no
 * longer matches is logged and extracted again.
 */
final class ClasspathSource {
  private static final Logger LOG = LoggerFactory.getLogger(ClasspathSource.class);

  private final StoreSettings settings;
  private final FileVerifier verifier;
  private final ClassLoader loader;

  ClasspathSource(StoreSettings settings, FileVerifier verifier, ClassLoader loader) {
    this.settings = settings;
    this.verifier = verifier;
    this.loader = loader;
  }

  Path dir(ModelRef.Classpath ref) {
    Path base = settings.dataDir().resolve("embedded");
    return SafePaths.resolveInside(base, ref.id() + "/" + ref.version(), "class-path model id");
  }

  /** @return true if every file of the model is on the class path */
  boolean onClasspath(ModelRef.Classpath ref) {
    return ref.files().stream().allMatch(f -> loader.getResource(f.resource()) != null);
  }

  @SuppressWarnings("try") // the lock is held for the block's duration, never referenced
  ResolvedModel resolve(ModelRef.Classpath ref) {
    Path dir = dir(ref);
    try {
      for (ModelRef.ClasspathFile f : ref.files()) {
        Path target = SafePaths.resolveInside(dir, f.fileName(), "file name");
        if (copyProblem(target, f, false).isEmpty()) {
          continue;
        }
        try (FileLocks.Held lock = FileLocks.acquire(dir.resolve(".locks").resolve(f.fileName() + ".lock"))) {
          Optional<String> problem = copyProblem(target, f, false);
          if (problem.isEmpty()) {
            continue;
          }
          if (Files.exists(target)) {
            LOG.warn("extracted model file {} was altered ({}); extracting it again from the class path", target,
                problem.get());
          }
          extract(ref, f, target);
        }
      }
    } catch (IOException e) {
      throw new ModelException("cannot extract model " + ref.id() + " " + ref.version() + " into " + dir + ": " + e,
          e);
    }
    return new ResolvedModel(ref, dir, ref.version(), ResolvedModel.Source.CLASSPATH);
  }

  List<String> verify(ModelRef.Classpath ref) {
    List<String> problems = new ArrayList<>();
    for (ModelRef.ClasspathFile f : ref.files()) {
      Path target = SafePaths.resolveInside(dir(ref), f.fileName(), "file name");
      try {
        copyProblem(target, f, true).ifPresent(problems::add);
      } catch (IOException e) {
        problems.add(target + ": cannot be read (" + e + ")");
      }
    }
    return problems;
  }

  ModelPlan plan(ModelRef.Classpath ref) {
    List<ModelPlan.PlannedFile> files = new ArrayList<>();
    for (ModelRef.ClasspathFile f : ref.files()) {
      Path target = SafePaths.resolveInside(dir(ref), f.fileName(), "file name");
      boolean extracted;
      try {
        extracted = copyProblem(target, f, false).isEmpty();
      } catch (IOException e) {
        extracted = false;
      }
      files.add(new ModelPlan.PlannedFile(f.fileName(), resourceSize(f), extracted));
    }
    return new ModelPlan(ref, files);
  }

  private Optional<String> copyProblem(Path target, ModelRef.ClasspathFile f, boolean thorough) throws IOException {
    if (!Files.isRegularFile(target)) {
      return Optional.of(target + ": not extracted");
    }
    return verifier.mismatch(target, Digests.Kind.SHA256, f.sha256(), thorough);
  }

  private void extract(ModelRef.Classpath ref, ModelRef.ClasspathFile f, Path target) throws IOException {
    URL url = loader.getResource(f.resource());
    if (url == null) {
      throw new ModelException("model " + ref.id() + " " + ref.version() + " needs the class-path resource '"
          + f.resource() + "', which is not on the class path: add the Maven dependency that carries it (see "
          + "ModelCatalog) or choose another model.");
    }
    Files.createDirectories(target.getParent());
    Path tmp = target.resolveSibling(target.getFileName() + ".fmp-"
        + Long.toHexString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE) + ".extracting");
    MessageDigest md = Digests.newDigest("SHA-256");
    try (InputStream in = url.openStream(); OutputStream out = Files.newOutputStream(tmp)) {
      byte[] buf = new byte[1 << 16];
      for (int n; (n = in.read(buf)) > 0; ) {
        md.update(buf, 0, n);
        out.write(buf, 0, n);
      }
    }
    String actual = HexFormat.of().formatHex(md.digest());
    if (!actual.equals(f.sha256())) {
      Files.deleteIfExists(tmp);
      throw new ModelException("class-path resource '" + f.resource() + "' of model " + ref.id() + " "
          + ref.version() + " (" + url + ") has sha256 " + actual + ", expected " + f.sha256()
          + ": the jar on the class path is not the expected version of " + ref.id() + ".");
    }
    Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    verifier.ledger().markVerified(target, Digests.Kind.SHA256, actual);
    LOG.info("extracted {} of {} {} to {}", f.resource(), ref.id(), ref.version(), target);
  }

  private long resourceSize(ModelRef.ClasspathFile f) {
    URL url = loader.getResource(f.resource());
    if (url == null) {
      return -1;
    }
    try {
      URLConnection c = url.openConnection();
      c.setUseCaches(false);
      long n = c.getContentLengthLong();
      c.getInputStream().close();
      return n;
    } catch (IOException e) {
      return -1;
    }
  }
}
