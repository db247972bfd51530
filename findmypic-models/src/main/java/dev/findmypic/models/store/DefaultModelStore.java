package dev.findmypic.models.store;

import dev.findmypic.core.ModelException;
import dev.findmypic.core.store.CachedModel;
import dev.findmypic.core.store.DownloadListener;
import dev.findmypic.core.store.ModelPlan;
import dev.findmypic.core.store.ModelRef;
import dev.findmypic.core.store.ModelStore;
import dev.findmypic.core.store.ResolvedModel;
import dev.findmypic.core.store.VerifyReport;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * FindMyPic's {@link ModelStore}: Hub models in the Hugging Face hub cache (shared with {@code huggingface_hub}), URL
 * files in the torch and EasyOCR caches, class-path models extracted to the data directory, and local directories
 * used in place. Thread-safe and safe across processes.
 *
 * <pre>{@code
 * ModelStore store = new DefaultModelStore(StoreSettings.fromEnvironment(dataDir));
 * ResolvedModel clip = store.resolve(ModelCatalog.CLIP_VIT_BASE_PATCH32,
 *     (file, done, total) -> System.out.printf("%s %d/%d%n", file, done, total));
 * Path weights = clip.file("model.safetensors");
 * }</pre>
 */
public final class DefaultModelStore implements ModelStore {
  private static final Logger LOG = LoggerFactory.getLogger(DefaultModelStore.class);

  private final StoreSettings settings;
  private final List<ModelRef> known;
  private final HubSource hub;
  private final UrlSource urls;
  private final ClasspathSource classpath;

  /**
   * A store that knows the models of {@link ModelCatalog}.
   *
   * @param settings caches, endpoint, token, offline flag
   */
  public DefaultModelStore(StoreSettings settings) {
    this(settings, ModelCatalog.all(), DefaultModelStore.class.getClassLoader());
  }

  /**
   * A store with its own list of known models and class loader.
   *
   * @param settings caches, endpoint, token, offline flag
   * @param known the models that {@link #list()} looks for besides every Hub repository in the cache, and that
   *     {@link #clear()} removes
   * @param loader where class-path models are looked up
   */
  public DefaultModelStore(StoreSettings settings, List<ModelRef> known, ClassLoader loader) {
    this.settings = settings;
    this.known = List.copyOf(known);
    HttpTransport http = new HttpTransport(settings);
    FileVerifier verifier = new FileVerifier(new HashLedger(settings.dataDir()));
    this.hub = new HubSource(settings, new HubClient(settings, http), verifier);
    this.urls = new UrlSource(settings, http, verifier);
    this.classpath = new ClasspathSource(settings, verifier, loader);
  }

  /** @return the settings this store uses */
  public StoreSettings settings() {
    return settings;
  }

  @Override
  public ResolvedModel resolve(ModelRef ref, DownloadListener listener) {
    if (ref instanceof ModelRef.Hub) {
      return hub.resolve((ModelRef.Hub) ref, listener);
    }
    if (ref instanceof ModelRef.Url) {
      return urls.resolve((ModelRef.Url) ref, listener);
    }
    if (ref instanceof ModelRef.Classpath) {
      return classpath.resolve((ModelRef.Classpath) ref);
    }
    return local((ModelRef.Local) ref);
  }

  /**
   * Finds a model that can be used without any network request: a complete, matching copy in the caches (for a Hub
   * model, the pinned revision, else the revision's ref, else any snapshot that has every file), a class-path model
   * whose jar is present, or an existing local directory. Nothing is downloaded; a class-path model is extracted.
   *
   * @param ref the model
   * @return the model, or empty if using it would need the network
   */
  public Optional<ResolvedModel> findLocally(ModelRef ref) {
    if (ref instanceof ModelRef.Hub) {
      return hub.cachedCopy((ModelRef.Hub) ref, true);
    }
    if (ref instanceof ModelRef.Url) {
      ModelRef.Url u = (ModelRef.Url) ref;
      return urls.isCached(u) ? Optional.of(urls.resolve(u, DownloadListener.NONE)) : Optional.empty();
    }
    if (ref instanceof ModelRef.Classpath) {
      ModelRef.Classpath c = (ModelRef.Classpath) ref;
      return classpath.onClasspath(c) ? Optional.of(classpath.resolve(c)) : Optional.empty();
    }
    Path dir = ((ModelRef.Local) ref).directory();
    return Files.isDirectory(dir) ? Optional.of(local((ModelRef.Local) ref)) : Optional.empty();
  }

  /**
   * @param ref a class-path model
   * @return true if every file of it is on the class path
   */
  public boolean onClasspath(ModelRef.Classpath ref) {
    return classpath.onClasspath(ref);
  }

  @Override
  public ModelPlan plan(ModelRef ref) {
    if (ref instanceof ModelRef.Hub) {
      return hub.plan((ModelRef.Hub) ref);
    }
    if (ref instanceof ModelRef.Url) {
      return urls.plan((ModelRef.Url) ref);
    }
    if (ref instanceof ModelRef.Classpath) {
      return classpath.plan((ModelRef.Classpath) ref);
    }
    Path dir = ((ModelRef.Local) ref).directory();
    return new ModelPlan(ref, List.of(new ModelPlan.PlannedFile(dir.toString(), sizeOf(dir), Files.isDirectory(dir))));
  }

  @Override
  public List<CachedModel> list() {
    List<CachedModel> models = new ArrayList<>();
    if (Files.isDirectory(settings.hubCache())) {
      try (Stream<Path> s = Files.list(settings.hubCache())) {
        s.sorted().forEach(dir -> HfRepoCache.repoIdOf(dir.getFileName().toString()).ifPresent(id ->
            models.add(new CachedModel(id, dir, new HfRepoCache(settings.hubCache(), id).sizeOnDisk()))));
      } catch (IOException e) {
        LOG.warn("cannot list the hub cache {}: {}", settings.hubCache(), e.toString());
      }
    }
    for (ModelRef ref : known) {
      if (ref instanceof ModelRef.Url) {
        ModelRef.Url u = (ModelRef.Url) ref;
        long bytes = u.files().stream().map(f -> urls.fileOf(u, f)).filter(Files::isRegularFile)
            .mapToLong(DefaultModelStore::sizeOf).sum();
        if (u.files().stream().anyMatch(f -> Files.isRegularFile(urls.fileOf(u, f)))) {
          models.add(new CachedModel(u.id(), urls.dir(u), bytes));
        }
      } else if (ref instanceof ModelRef.Classpath) {
        Path dir = classpath.dir((ModelRef.Classpath) ref);
        if (Files.isDirectory(dir)) {
          models.add(new CachedModel(ref.id(), dir, sizeOf(dir)));
        }
      }
    }
    return models;
  }

  @Override
  public VerifyReport verify(ModelRef ref) {
    if (ref instanceof ModelRef.Hub) {
      return new VerifyReport(ref, hub.verify((ModelRef.Hub) ref));
    }
    if (ref instanceof ModelRef.Url) {
      return new VerifyReport(ref, urls.verify((ModelRef.Url) ref));
    }
    if (ref instanceof ModelRef.Classpath) {
      return new VerifyReport(ref, classpath.verify((ModelRef.Classpath) ref));
    }
    Path dir = ((ModelRef.Local) ref).directory();
    return new VerifyReport(ref, Files.isDirectory(dir) ? List.of() : List.of(dir + ": not a directory"));
  }

  @Override
  public void remove(ModelRef ref) {
    try {
      if (ref instanceof ModelRef.Hub) {
        HfRepoCache repo = hub.repo((ModelRef.Hub) ref);
        deleteTree(repo.folder());
        deleteTree(repo.locksFolder());
      } else if (ref instanceof ModelRef.Url) {
        ModelRef.Url u = (ModelRef.Url) ref;
        for (ModelRef.UrlFile f : u.files()) {
          Files.deleteIfExists(urls.fileOf(u, f));
        }
      } else if (ref instanceof ModelRef.Classpath) {
        deleteTree(classpath.dir((ModelRef.Classpath) ref));
      } else {
        throw new ModelException("the store never deletes a local directory (" + ref.id() + "); delete it yourself");
      }
    } catch (IOException e) {
      throw new ModelException("cannot remove model " + ref.id() + ": " + e, e);
    }
    LOG.info("removed model {}", ref.id());
  }

  /**
   * Removes every model this store knows (its list of known models, {@link ModelCatalog} by default) and every
   * extracted class-path model. Other repositories in the shared hub cache belong to other tools and stay; delete
   * them with {@code huggingface-cli delete-cache} or {@link #remove(ModelRef)}.
   */
  @Override
  public void clear() {
    for (ModelRef ref : known) {
      if (!(ref instanceof ModelRef.Local)) {
        remove(ref);
      }
    }
    try {
      deleteTree(settings.dataDir().resolve("embedded"));
    } catch (IOException e) {
      throw new ModelException("cannot remove " + settings.dataDir().resolve("embedded") + ": " + e, e);
    }
  }

  private static ResolvedModel local(ModelRef.Local ref) {
    if (!Files.isDirectory(ref.directory())) {
      throw new ModelException("model directory " + ref.directory() + " does not exist or is not a directory");
    }
    return new ResolvedModel(ref, ref.directory(), "local", ResolvedModel.Source.LOCAL);
  }

  private static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    Files.walkFileTree(root, new SimpleFileVisitor<>() {
      @Override
      public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
        Files.delete(file);
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
        if (e != null) {
          throw e;
        }
        Files.delete(dir);
        return FileVisitResult.CONTINUE;
      }
    });
  }

  private static long sizeOf(Path p) {
    try (Stream<Path> s = Files.walk(p)) {
      return s.filter(Files::isRegularFile).mapToLong(f -> {
        try {
          return Files.size(f);
        } catch (IOException e) {
          return 0;
        }
      }).sum();
    } catch (IOException e) {
      return 0;
    }
  }
}
