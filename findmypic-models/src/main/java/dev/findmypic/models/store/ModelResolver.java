package dev.findmypic.models.store;

import dev.findmypic.core.ModelException;
import dev.findmypic.core.ModelRole;
import dev.findmypic.core.store.DownloadListener;
import dev.findmypic.core.store.ModelRef;
import dev.findmypic.core.store.ResolvedModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Picks the model for each role, in this order:
 *
 * <ol>
 *   <li>the user's explicit choice ({@code --model clip=/path/to/dir}, {@code --model clip=org/name@revision}, or a
 *       catalogue name such as {@code --model faces=yunet-sface});
 *   <li>the seed's model, already in the HF, torch or EasyOCR cache;
 *   <li>the seed's model, downloaded (unless offline; a failed download falls through);
 *   <li>the embedded class-path default: all-MiniLM-L6-v2 int8 for text, PP-OCRv4 for OCR. There is none for CLIP
 *       or faces, which are then off, with a message that names the command that turns them on.
 * </ol>
 */
public final class ModelResolver {
  private static final Pattern HUB_CHOICE =
      Pattern.compile("([A-Za-z0-9][A-Za-z0-9._-]*/[A-Za-z0-9][A-Za-z0-9._-]*)(?:@([A-Za-z0-9._/-]+))?");

  private final DefaultModelStore store;
  private final Map<ModelRole, ModelSet> seeds;
  private final Map<ModelRole, String> overrides;

  /**
   * Creates a resolver.
   *
   * @param store the store, whose settings say whether it is offline
   * @param seeds the seed's models per role (see {@link ModelCatalog#seed}); every role needs one
   * @param overrides explicit choices per role: a directory, or {@code org/name} with an optional {@code @revision}
   */
  public ModelResolver(DefaultModelStore store, Map<ModelRole, ModelSet> seeds, Map<ModelRole, String> overrides) {
    this.store = store;
    this.seeds = new EnumMap<>(seeds);
    this.overrides = new EnumMap<>(ModelRole.class);
    this.overrides.putAll(overrides);
    for (ModelRole role : ModelRole.values()) {
      if (!this.seeds.containsKey(role)) {
        throw new IllegalArgumentException("no seed model for role " + role.key());
      }
    }
  }

  /**
   * Picks a role's model and makes its files available, downloading the seed's model when the steps before fail.
   *
   * @param role the role
   * @param listener hears download progress
   * @return the choice; {@link ModelChoice.Source#NONE} when the role is off
   * @throws ModelException if an explicit choice cannot be had (an explicit choice never silently falls back)
   */
  public ModelChoice resolve(ModelRole role, DownloadListener listener) {
    return pick(role, true, listener);
  }

  /**
   * Says which model a role would get, without downloading (a cached or class-path model is made available; a
   * download is only planned, with {@link ModelChoice.Source#DOWNLOAD} and no resolved files).
   *
   * @param role the role
   * @return the choice
   */
  public ModelChoice choose(ModelRole role) {
    return pick(role, false, DownloadListener.NONE);
  }

  private ModelChoice pick(ModelRole role, boolean download, DownloadListener listener) {
    ModelSet seed = seeds.get(role);
    String override = overrides.get(role);
    if (override != null) {
      ModelSet chosen = parseOverride(role, override, seed);
      List<ResolvedModel> resolved = new ArrayList<>();
      for (ModelRef ref : chosen.refs()) {
        if (download) {
          resolved.add(store.resolve(ref, listener));
        } else {
          store.findLocally(ref).ifPresent(resolved::add);
        }
      }
      return new ModelChoice(role, chosen, ModelChoice.Source.EXPLICIT, resolved,
          role.key() + ": " + chosen.name() + " (your choice: --model " + role.key() + "=" + override + ")");
    }
    Optional<List<ResolvedModel>> cached = allLocally(seed);
    if (cached.isPresent()) {
      return new ModelChoice(role, seed, ModelChoice.Source.CACHE, cached.get(),
          role.key() + ": " + seed.name() + " from the cache (" + cached.get().get(0).directory() + ")");
    }
    String whyNot;
    if (store.settings().offline()) {
      whyNot = seed.name() + " is not in the cache and the store is offline";
    } else if (!download) {
      return new ModelChoice(role, seed, ModelChoice.Source.DOWNLOAD, List.of(),
          role.key() + ": " + seed.name() + " will be downloaded on first use");
    } else {
      try {
        List<ResolvedModel> resolved = new ArrayList<>();
        for (ModelRef ref : seed.refs()) {
          resolved.add(store.resolve(ref, listener));
        }
        return new ModelChoice(role, seed, ModelChoice.Source.DOWNLOAD, resolved,
            role.key() + ": " + seed.name() + " downloaded to " + resolved.get(0).directory());
      } catch (ModelException e) {
        whyNot = seed.name() + " could not be downloaded (" + e.getMessage() + ")";
      }
    }
    return fallBack(role, seed, whyNot);
  }

  private ModelChoice fallBack(ModelRole role, ModelSet seed, String whyNot) {
    String pull = "findmypic models pull " + role.key();
    Optional<ModelSet> embedded = ModelCatalog.embedded(role);
    if (embedded.isPresent()) {
      ModelRef.Classpath ref = (ModelRef.Classpath) embedded.get().refs().get(0);
      if (store.onClasspath(ref)) {
        List<ResolvedModel> resolved = List.of(store.resolve(ref));
        return new ModelChoice(role, embedded.get(), ModelChoice.Source.EMBEDDED, resolved,
            role.key() + ": using the embedded " + embedded.get().name() + " from the class path, because " + whyNot
                + ". For " + seed.name() + ", run `" + pull + "` while online.");
      }
      return new ModelChoice(role, null, ModelChoice.Source.NONE, List.of(),
          role.key() + " is off: " + whyNot + ", and the embedded default is not on the class path (add "
              + ModelCatalog.EMBEDDED_ARTIFACTS.get(ref) + "). Turn it on with: " + pull);
    }
    return new ModelChoice(role, null, ModelChoice.Source.NONE, List.of(),
        describeOff(role) + " is off: " + whyNot + ". Turn it on with: " + pull);
  }

  private Optional<List<ResolvedModel>> allLocally(ModelSet set) {
    List<ResolvedModel> found = new ArrayList<>();
    for (ModelRef ref : set.refs()) {
      Optional<ResolvedModel> r = store.findLocally(ref);
      if (r.isEmpty()) {
        return Optional.empty();
      }
      found.add(r.get());
    }
    return Optional.of(found);
  }

  /**
   * Reads an explicit choice: an existing directory, a model set's name ({@link ModelCatalog#named}), or a
   * Hub id with an optional revision (default {@code main}) that needs the same files as the seed's Hub model.
   */
  static ModelSet parseOverride(ModelRole role, String value, ModelSet seed) {
    String v = value.trim();
    Path dir = Path.of(v.startsWith("~/") ? System.getProperty("user.home") + v.substring(1) : v);
    if (Files.isDirectory(dir)) {
      return new ModelSet(dir.toString(), List.of(new ModelRef.Local(dir)));
    }
    Optional<ModelSet> named = ModelCatalog.named(role, v);
    if (named.isPresent()) {
      return named.get();
    }
    Matcher m = HUB_CHOICE.matcher(v);
    Optional<ModelRef.Hub> seedHub = seed.refs().stream().filter(ModelRef.Hub.class::isInstance)
        .map(ModelRef.Hub.class::cast).findFirst();
    if (m.matches() && seedHub.isPresent()) {
      String revision = m.group(2) == null ? "main" : m.group(2);
      ModelRef.Hub hub = new ModelRef.Hub(m.group(1), revision, seedHub.get().files());
      return new ModelSet(hub.repoId() + "@" + revision, List.of(hub));
    }
    throw new ModelException("--model " + role.key() + "=" + value + " is "
        + (seedHub.isPresent() ? "neither an existing directory nor a Hub id like org/name@revision"
            : "not an existing directory (role " + role.key() + " takes a directory"
                + ModelCatalog.names(role).stream().sorted().map(n -> " or " + n).reduce("", String::concat) + ")"));
  }

  private static String describeOff(ModelRole role) {
    switch (role) {
      case CLIP:
        return "visual search";
      case FACES:
        return "face search";
      case OCR:
        return "text in photos";
      default:
        return role.key().toLowerCase(Locale.ROOT);
    }
  }
}
