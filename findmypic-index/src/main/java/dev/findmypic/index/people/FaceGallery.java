package dev.findmypic.index.people;

import dev.findmypic.core.BoundingBox;
import dev.findmypic.core.CatalogueException;
import dev.findmypic.core.DetectedFace;
import dev.findmypic.core.FaceRecognizer;
import dev.findmypic.core.Picture;
import dev.findmypic.core.QueryException;
import dev.findmypic.index.catalogue.Catalogue;
import dev.findmypic.index.search.FaceReference;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * "Which known person is this": a small gallery of named reference faces, and identification by the nearest
 * reference with the face recogniser's calibrated threshold.
 *
 * <pre>{@code
 * FaceGallery people = library.people().orElseThrow();          // the library has a face recogniser
 * people.enroll("Ada", FaceReference.largestFace(adaPicture));  // several references per person are allowed
 * people.enroll("Ada", Path.of("/photos/2019/ada.jpg"), null);  // a face the library already indexed
 * for (IdentifiedFace face : people.identify(Path.of("/photos/party.jpg"))) {
 *   String who = face.identification().person().orElse("unknown");
 * }
 * }</pre>
 *
 * <p>The decision: a face is the person whose nearest reference is nearest to it, when that distance is at or below
 * the recogniser's {@link FaceRecognizer#threshold() threshold} (for the dlib-resnet tier 0.40 on unit vectors, the
 * point of dlib's 0.6 rule); otherwise, or when two people are exactly equally near, it is unknown. See
 * {@link Identification}. Several references of one person widen what counts as that person: each reference is a
 * face of theirs that the face may match.
 *
 * <p>Storage: {@value #FILE_NAME} in the data directory, beside the catalogue; each reference keeps its vector, the
 * key of the face model that made it, where it came from and when. Only references of the recogniser's model take
 * part in identification, so vectors of two models never mix; after a model change, enrol the people again.
 * Names are compared exactly (after trimming), so "Ada" and "ada" are two people.
 *
 * <p>Thread-safe: identification reads an immutable snapshot and never waits for enrolment.
 */
public final class FaceGallery implements AutoCloseable {
  /** The gallery's file name in the data directory. */
  public static final String FILE_NAME = "people.db";
  /** How many nearest people an {@link Identification} reports. */
  public static final int NEAREST = 3;
  /** The longest name, in characters. */
  public static final int MAX_NAME_LENGTH = 200;

  private final GalleryStore store;
  private final FaceRecognizer faces;
  private final Catalogue catalogue;
  private final String modelKey;
  private volatile NearestPeople snapshot;

  private FaceGallery(GalleryStore store, FaceRecognizer faces, Catalogue catalogue) {
    this.store = store;
    this.faces = faces;
    this.catalogue = catalogue;
    this.modelKey = faces.info().key();
    this.snapshot = load();
  }

  /**
   * Opens (or creates) the gallery of a data directory. {@link dev.findmypic.index.PhotoLibrary#people()} does this
   * for a library; open one directly only for a recogniser and catalogue of your own.
   *
   * @param dataDir the data directory
   * @param faces the recogniser whose vectors, distance and threshold the gallery uses; the caller keeps it open
   *     while the gallery is used
   * @param catalogue the catalogue whose indexed faces {@link #enroll(String, Path, BoundingBox)} and
   *     {@link #identify(Path)} read
   * @return the gallery; close it
   * @throws CatalogueException if {@value #FILE_NAME} cannot be opened or is damaged
   */
  public static FaceGallery open(Path dataDir, FaceRecognizer faces, Catalogue catalogue) {
    Objects.requireNonNull(faces, "faces");
    Objects.requireNonNull(catalogue, "catalogue");
    GalleryStore store = GalleryStore.open(dataDir.resolve(FILE_NAME));
    try {
      return new FaceGallery(store, faces, catalogue);
    } catch (RuntimeException e) {
      store.close();
      throw e;
    }
  }

  /**
   * Enrols a face of a picture: detects the faces and embeds the one the reference picks (the largest by default).
   *
   * @param person the person's name
   * @param face the picture and which face
   * @param source where the picture came from (a path, a URL), kept with the reference; may be null
   * @return the new reference
   * @throws QueryException if the picture has no face, or none where the reference picks
   * @throws IllegalArgumentException if the name is blank, longer than {@value #MAX_NAME_LENGTH} characters or holds
   *     control characters
   */
  public EnrolledFace enroll(String person, FaceReference face, String source) {
    String name = checkName(person);
    List<DetectedFace> detected = faces.detect(face.picture());
    int chosen = FaceReference.choose(detected.stream().map(DetectedFace::box).toList(), face.pick());
    if (chosen < 0) {
      throw new QueryException(detected.isEmpty() ? "no face found in " + describe(source, face.picture())
          : "no detected face of " + describe(source, face.picture()) + " overlaps the picked box " + face.pick());
    }
    DetectedFace d = detected.get(chosen);
    return add(name, faces.embed(face.picture(), List.of(d)).get(0), source, d.box());
  }

  /**
   * Enrols a face of a photo the library has indexed, from the vector stored then: nothing is detected again.
   *
   * @param person the person's name
   * @param photo the photo's path
   * @param pick roughly where the face is (the stored face overlapping it most is used), or null for the largest
   * @return the new reference, whose source is the photo's path
   * @throws QueryException if the photo is not indexed or has no face (where picked)
   * @throws IllegalArgumentException if the name is not valid (see {@link #enroll(String, FaceReference, String)})
   */
  public EnrolledFace enroll(String person, Path photo, BoundingBox pick) {
    String name = checkName(person);
    List<IndexedFaces.Face> stored = IndexedFaces.of(catalogue, photo, modelKey);
    int chosen = FaceReference.choose(stored.stream().map(IndexedFaces.Face::box).toList(), pick);
    if (chosen < 0) {
      throw new QueryException(stored.isEmpty() ? "the library found no face in " + photo
          : "no face the library found in " + photo + " overlaps the picked box " + pick);
    }
    IndexedFaces.Face face = stored.get(chosen);
    return add(name, face.vector(), photo.toAbsolutePath().normalize().toString(), face.box());
  }

  /**
   * Enrols a face vector made by this gallery's recogniser (for a host application that embeds faces itself).
   *
   * @param person the person's name
   * @param vector a unit vector from the recogniser's {@link FaceRecognizer#embed}
   * @param source where the face came from, or null
   * @return the new reference
   * @throws IllegalArgumentException if the name is not valid, or the vector is not of the model's dimension or
   *     holds a non-finite value
   */
  public EnrolledFace enroll(String person, float[] vector, String source) {
    return add(checkName(person), checkVector(vector), source, null);
  }

  private synchronized EnrolledFace add(String person, float[] vector, String source, BoundingBox box) {
    EnrolledFace face = store.add(person, modelKey, vector.clone(), source, box, Instant.now().truncatedTo(ChronoUnit.MILLIS));
    snapshot = load();
    return face;
  }

  /**
   * Decides who a face vector is.
   *
   * @param vector a unit vector from the recogniser's {@link FaceRecognizer#embed}
   * @return the identification; unknown when the gallery is empty
   * @throws IllegalArgumentException if the vector is not of the model's dimension or holds a non-finite value
   */
  public Identification identify(float[] vector) {
    return snapshot.identify(checkVector(vector), faces, NEAREST);
  }

  /**
   * Detects every face of a picture and decides who each is.
   *
   * @param picture the picture
   * @return one entry per face, in the detector's order (highest score first); empty when there is no face
   */
  public List<IdentifiedFace> identify(Picture picture) {
    List<DetectedFace> detected = faces.detect(picture);
    if (detected.isEmpty()) {
      return List.of();
    }
    List<float[]> vectors = faces.embed(picture, detected);
    NearestPeople current = snapshot;
    List<IdentifiedFace> out = new ArrayList<>(detected.size());
    for (int i = 0; i < detected.size(); i++) {
      out.add(new IdentifiedFace(detected.get(i).box(), current.identify(vectors.get(i), faces, NEAREST)));
    }
    return out;
  }

  /**
   * Decides who each face of an indexed photo is, from the vectors stored when it was indexed.
   *
   * @param photo the photo's path
   * @return one entry per face the library found in it, in detection order; empty when it has none
   * @throws QueryException if the photo is not indexed
   */
  public List<IdentifiedFace> identify(Path photo) {
    NearestPeople current = snapshot;
    List<IdentifiedFace> out = new ArrayList<>();
    for (IndexedFaces.Face face : IndexedFaces.of(catalogue, photo, modelKey)) {
      out.add(new IdentifiedFace(face.box(), current.identify(face.vector(), faces, NEAREST)));
    }
    return out;
  }

  /** @return every enrolled person in name order, with their number of references of the current model */
  public List<Person> people() {
    Map<String, Integer> counts = new LinkedHashMap<>();
    for (GalleryStore.Stored r : store.all()) {
      counts.merge(r.face().person(), modelKey.equals(r.face().modelKey()) ? 1 : 0, Integer::sum);
    }
    List<Person> out = new ArrayList<>(counts.size());
    counts.forEach((name, n) -> out.add(new Person(name, n)));
    return out;
  }

  /**
   * Returns a person's references, of every model.
   *
   * @param person the name
   * @return the references, oldest first; empty for an unknown name
   */
  public List<EnrolledFace> references(String person) {
    return store.of(person.strip()).stream().map(GalleryStore.Stored::face).toList();
  }

  /**
   * Forgets a person: removes all their references.
   *
   * @param person the name
   * @return how many references were removed; 0 for an unknown name
   */
  public synchronized int forget(String person) {
    int removed = store.removePerson(person.strip());
    snapshot = load();
    return removed;
  }

  /**
   * Removes one reference (a face that was enrolled by mistake, say).
   *
   * @param referenceId the reference's {@link EnrolledFace#id()}
   * @return true if it existed
   */
  public synchronized boolean remove(long referenceId) {
    boolean removed = store.removeReference(referenceId);
    snapshot = load();
    return removed;
  }

  /** @return the distance at or below which a face counts as a reference's person: the recogniser's threshold */
  public double threshold() {
    return faces.threshold();
  }

  /** Closes the gallery's file (not the recogniser or the catalogue). Idempotent. */
  @Override
  public void close() {
    store.close();
  }

  private NearestPeople load() {
    int dimension = faces.info().dimension();
    List<GalleryStore.Stored> current = new ArrayList<>();
    for (GalleryStore.Stored r : store.all()) {
      if (modelKey.equals(r.face().modelKey())) {
        if (r.vector().length != dimension) {
          throw new CatalogueException("the face gallery " + store.file() + " is damaged: reference "
              + r.face().id() + " of " + r.face().person() + " has " + r.vector().length + " values where "
              + modelKey + " gives " + dimension + "; remove it (FaceGallery.remove) and enrol the person again");
        }
        current.add(r);
      }
    }
    return new NearestPeople(current);
  }

  private float[] checkVector(float[] vector) {
    int dimension = faces.info().dimension();
    if (vector.length != dimension) {
      throw new IllegalArgumentException("a face vector of " + modelKey + " has " + dimension + " values, got "
          + vector.length);
    }
    for (float x : vector) {
      if (!Float.isFinite(x)) {
        throw new IllegalArgumentException("a face vector must hold finite values, got " + x);
      }
    }
    return vector;
  }

  private static String checkName(String person) {
    String name = Objects.requireNonNull(person, "person").strip();
    if (name.isEmpty() || name.length() > MAX_NAME_LENGTH || name.chars().anyMatch(Character::isISOControl)) {
      throw new IllegalArgumentException("a person's name must be 1 to " + MAX_NAME_LENGTH
          + " characters without control characters, got \"" + person.replaceAll("\\p{Cntrl}", "?") + "\"");
    }
    return name;
  }

  private static String describe(String source, Picture picture) {
    return source != null ? source : "the picture " + picture;
  }
}
