package dev.findmypic.index;

import dev.findmypic.core.Embedder;
import dev.findmypic.core.FaceRecognizer;
import dev.findmypic.core.FindMyPicException;
import dev.findmypic.core.ModelException;
import dev.findmypic.core.ModelRole;
import dev.findmypic.core.OcrEngine;
import dev.findmypic.core.PhotoDecoder;
import dev.findmypic.core.Picture;
import dev.findmypic.index.catalogue.Catalogue;
import dev.findmypic.index.catalogue.PhotoReads;
import dev.findmypic.index.catalogue.PhotoWrites;
import dev.findmypic.index.catalogue.Root;
import dev.findmypic.index.catalogue.VectorKind;
import dev.findmypic.index.catalogue.VectorSetId;
import dev.findmypic.index.people.FaceGallery;
import dev.findmypic.index.pipeline.Analysers;
import dev.findmypic.index.pipeline.IndexingPipeline;
import dev.findmypic.index.search.FaceReference;
import dev.findmypic.index.search.PhotoSearch;
import dev.findmypic.index.search.SearchPage;
import dev.findmypic.index.search.SearchRequest;
import dev.findmypic.index.text.FtsQuery;
import dev.findmypic.index.vectors.CatalogueVectorIndexes;
import dev.findmypic.index.vectors.VectorIndex;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A photo library in a data directory: its roots, its catalogue, its vector indexes, indexing and search. The entry
 * point a host application embeds.
 *
 * <pre>{@code
 * try (PhotoLibrary library = PhotoLibrary.open(dataDir, LibraryOptions.builder()
 *     .models(ModelProvider.load(), ModelSettings.defaults(dataDir), EnumSet.allOf(ModelRole.class))
 *     .build())) {
 *   library.addRoot(Path.of("/photos"));
 *   IndexSummary summary = library.index(ProgressListener.NONE);
 *   SearchPage page = library.searchText("sunset beach", SearchRequest.firstPage(20));
 * }
 * }</pre>
 *
 * <p>Thread-safe: searches may run while an index run is in progress (they see the catalogue as of the last
 * committed batch); one index run at a time. Several processes may read one data directory, one may write.
 */
public final class PhotoLibrary implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(PhotoLibrary.class);

  private final Catalogue catalogue;
  private final Analysers analysers;
  private final List<AutoCloseable> owned;
  private final LibraryOptions options;
  private final CatalogueVectorIndexes vectors;
  private final PhotoSearch search;
  private final ReentrantLock indexing = new ReentrantLock();
  private FaceGallery people; // opened on first use, guarded by this

  private PhotoLibrary(Catalogue catalogue, Analysers analysers, List<AutoCloseable> owned, LibraryOptions options,
      Path dataDir) {
    this.catalogue = catalogue;
    this.analysers = analysers;
    this.owned = owned;
    this.options = options;
    this.vectors = new CatalogueVectorIndexes(catalogue, dataDir.resolve("vectors"), options.exactSearchUpTo);
    this.search = new PhotoSearch(catalogue, vectors, analysers);
  }

  /**
   * Opens (or creates) the library in a data directory.
   *
   * @param dataDir the data directory
   * @param options analysers and indexing settings
   * @return the library; close it
   * @throws FindMyPicException if the catalogue cannot be opened or there is no decoder
   */
  public static PhotoLibrary open(Path dataDir, LibraryOptions options) {
    List<AutoCloseable> owned = new ArrayList<>();
    Map<ModelRole, String> unavailable = new EnumMap<>(ModelRole.class);
    Embedder clip = options.clip != null ? options.clip : provided(options, ModelRole.CLIP, owned, unavailable);
    Embedder text = options.text != null ? options.text : provided(options, ModelRole.TEXT, owned, unavailable);
    FaceRecognizer faces =
        options.faces != null ? options.faces : provided(options, ModelRole.FACES, owned, unavailable);
    OcrEngine ocr = options.ocr != null ? options.ocr : provided(options, ModelRole.OCR, owned, unavailable);
    PhotoDecoder decoder = options.decoder != null ? options.decoder
        : options.provider != null ? options.provider.photoDecoder() : null;
    if (decoder == null) {
      closeAll(owned);
      throw new FindMyPicException("a photo library needs a PhotoDecoder: set LibraryOptions.decoder(...) or "
          + "models(ModelProvider.load(), ...)");
    }
    try {
      Catalogue catalogue = Catalogue.open(dataDir);
      return new PhotoLibrary(catalogue, new Analysers(decoder, clip, text, faces, ocr, unavailable), owned, options, dataDir);
    } catch (RuntimeException e) {
      closeAll(owned);
      throw e;
    }
  }

  @SuppressWarnings("unchecked")
  private static <T extends AutoCloseable> T provided(LibraryOptions o, ModelRole role, List<AutoCloseable> owned,
      Map<ModelRole, String> unavailable) {
    if (o.provider == null || !o.providedRoles.contains(role)) {
      return null;
    }
    try {
      AutoCloseable analyser = switch (role) {
        case CLIP, TEXT -> o.provider.openEmbedder(role, o.settings);
        case FACES -> o.provider.openFaceRecognizer(o.settings);
        case OCR -> o.provider.openOcrEngine(o.settings);
      };
      owned.add(analyser);
      return (T) analyser;
    } catch (ModelException e) {
      LOG.info("the {} model is not available, so what needs it is off: {}", role.key(), e.getMessage());
      unavailable.put(role, e.getMessage());
      return null;
    }
  }

  /**
   * Adds a folder whose photos the library indexes. Nothing is indexed until {@link #index}.
   *
   * @param folder the folder
   * @return the folder as stored: absolute and normalised
   * @throws FindMyPicException if it is not a folder or lies inside or around an existing root
   */
  public Path addRoot(Path folder) {
    Path root = folder.toAbsolutePath().normalize();
    if (!Files.isDirectory(root)) {
      throw new FindMyPicException("cannot add " + root + " as a root: it is not a folder");
    }
    for (Root existing : roots()) {
      if (!existing.path().equals(root) && (root.startsWith(existing.path()) || existing.path().startsWith(root))) {
        throw new FindMyPicException("cannot add " + root + " as a root: it overlaps the root " + existing.path()
            + "; remove that one first or add a folder beside it");
      }
    }
    catalogue.write(c -> PhotoWrites.addRoot(c, root));
    return root;
  }

  /**
   * Removes a root and everything the library holds about its photos (the photos themselves stay on disk).
   *
   * @param folder the root
   * @return true if it was a root
   */
  public boolean removeRoot(Path folder) {
    Path root = folder.toAbsolutePath().normalize();
    return catalogue.write(c -> PhotoWrites.removeRoot(c, root));
  }

  /** @return the roots */
  public List<Root> roots() {
    return catalogue.read(PhotoReads::roots);
  }

  /**
   * Indexes every root, incrementally, on this thread. Interrupting this thread cancels the run cooperatively.
   *
   * @param listener receives progress
   * @return what was done
   * @throws FindMyPicException if another index run is in progress or the catalogue fails
   */
  public IndexSummary index(ProgressListener listener) {
    Thread caller = Thread.currentThread();
    return runIndex(listener, caller::isInterrupted);
  }

  /**
   * Indexes every root on a new thread. Cancelling the future stops the run cooperatively: what was analysed is
   * committed and the next run resumes from there.
   *
   * @param listener receives progress, on the indexing thread
   * @return the summary's future
   */
  public CompletableFuture<IndexSummary> indexAsync(ProgressListener listener) {
    CompletableFuture<IndexSummary> future = new CompletableFuture<>();
    Thread worker = new Thread(() -> {
      try {
        future.complete(runIndex(listener, future::isCancelled));
      } catch (Throwable e) {
        future.completeExceptionally(e);
      }
    }, "findmypic-index");
    worker.setDaemon(true);
    worker.start();
    return future;
  }

  private IndexSummary runIndex(ProgressListener listener, java.util.function.BooleanSupplier cancelled) {
    if (!indexing.tryLock()) {
      throw new FindMyPicException("an index run is already in progress in this library");
    }
    try {
      IndexingPipeline pipeline = new IndexingPipeline(catalogue, analysers, options.pipeline);
      return pipeline.run(roots(), listener, cancelled);
    } finally {
      indexing.unlock();
    }
  }

  /** @return what the library holds */
  public LibraryStats stats() {
    long bytes = 0;
    for (String suffix : List.of("", "-wal", "-shm")) {
      try {
        Path f = catalogue.file().resolveSibling(catalogue.file().getFileName() + suffix);
        bytes += Files.exists(f) ? Files.size(f) : 0;
      } catch (IOException e) {
        LOG.debug("cannot size {}: {}", catalogue.file(), e.toString());
      }
    }
    return new LibraryStats(catalogue.read(PhotoReads::stats), bytes, analysers.disabledFeatures());
  }

  /**
   * Checks the catalogue's integrity.
   *
   * @return the problems found; empty when sound
   */
  public List<String> checkIntegrity() {
    return catalogue.checkIntegrity();
  }

  /**
   * Text → photos; see {@link PhotoSearch#text}.
   *
   * @param text the query
   * @param request filter, order and page
   * @return the page
   */
  public SearchPage searchText(String text, SearchRequest request) {
    return search.text(text, request);
  }

  /**
   * Photo → similar photos; see {@link PhotoSearch#similar(Path, boolean, SearchRequest)}.
   *
   * @param photo a photo in the library
   * @param excludeNearDuplicates leave out near-duplicates of the photo
   * @param request filter, order and page
   * @return the page
   */
  public SearchPage findSimilar(Path photo, boolean excludeNearDuplicates, SearchRequest request) {
    return search.similar(photo, excludeNearDuplicates, request);
  }

  /**
   * Picture → similar photos; see {@link PhotoSearch#similar(Picture, boolean, SearchRequest)}.
   *
   * @param picture any picture
   * @param excludeNearDuplicates leave out near-duplicates of the picture
   * @param request filter, order and page
   * @return the page
   */
  public SearchPage findSimilar(Picture picture, boolean excludeNearDuplicates, SearchRequest request) {
    return search.similar(picture, excludeNearDuplicates, request);
  }

  /**
   * Face → photos of that person; see {@link PhotoSearch#person}.
   *
   * @param references photos of the person
   * @param request filter, order and page
   * @return the page
   */
  public SearchPage findPerson(List<FaceReference> references, SearchRequest request) {
    return search.person(references, request);
  }

  /**
   * Words in photos; see {@link PhotoSearch#words}.
   *
   * @param words the words
   * @param mode all words, phrase or prefix
   * @param request filter, order and page
   * @return the page
   */
  public SearchPage searchWords(String words, FtsQuery.Mode mode, SearchRequest request) {
    return search.words(words, mode, request);
  }

  /**
   * The embedder of a role, for a host application that embeds its own queries or content.
   *
   * @param role {@link ModelRole#CLIP} or {@link ModelRole#TEXT}
   * @return the embedder, or empty when the library has none for that role
   */
  public Optional<Embedder> embedder(ModelRole role) {
    return Optional.ofNullable(role == ModelRole.CLIP ? analysers.clip()
        : role == ModelRole.TEXT ? analysers.text() : null);
  }

  /**
   * The face recogniser, for a host application that detects faces itself (to let a user pick one, say).
   *
   * @return the recogniser, or empty when the library has none
   */
  public Optional<FaceRecognizer> faceRecognizer() {
    return Optional.ofNullable(analysers.faces());
  }

  /**
   * The gallery of named reference faces, for "which known person is this": enrol faces under a name, then
   * identify the faces of any picture or indexed photo. Kept in {@value FaceGallery#FILE_NAME} in the data directory,
   * opened on first use, closed with the library.
   *
   * @return the gallery, or empty when the library has no face recogniser
   * @throws dev.findmypic.core.CatalogueException if the gallery's file cannot be opened
   */
  public synchronized Optional<FaceGallery> people() {
    FaceRecognizer faces = analysers.faces();
    if (faces == null) {
      return Optional.empty();
    }
    if (people == null) {
      people = FaceGallery.open(catalogue.file().getParent(), faces, catalogue);
    }
    return Optional.of(people);
  }

  /**
   * The current vector index of one kind for the library's model, built from the catalogue if needed. Ids are file
   * ids for {@link VectorKind#IMAGE} and {@link VectorKind#TEXT}, face ids for {@link VectorKind#FACE}. Treat it as
   * read-only: it is a snapshot, replaced when the catalogue changes. For an index of your own, see
   * {@link VectorIndex#create(int, int)}.
   *
   * @param kind the kind
   * @return the index, or empty when there is no model or no vector of that kind
   */
  public Optional<VectorIndex> vectorIndex(VectorKind kind) {
    String key = switch (kind) {
      case IMAGE -> analysers.clip() == null ? null : analysers.clip().info().key();
      case TEXT -> analysers.text() == null ? null : analysers.text().info().key();
      case FACE -> analysers.faces() == null ? null : analysers.faces().info().key();
    };
    return key == null ? Optional.empty() : vectors.get(new VectorSetId(kind, key));
  }

  /** Closes the catalogue and the analysers the library opened. Idempotent. */
  @Override
  public void close() {
    synchronized (this) {
      if (people != null) {
        people.close();
      }
    }
    catalogue.close();
    closeAll(owned);
    owned.clear();
  }

  private static void closeAll(List<AutoCloseable> closeables) {
    for (AutoCloseable c : closeables) {
      try {
        c.close();
      } catch (Exception e) {
        LOG.warn("closing {} failed: {}", c, e.toString());
      }
    }
  }
}
