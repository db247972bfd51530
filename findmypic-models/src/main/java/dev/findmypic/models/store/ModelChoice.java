package dev.findmypic.models.store;

import dev.findmypic.core.ModelRole;
import dev.findmypic.core.store.ResolvedModel;
import java.util.List;
import java.util.Objects;

/**
 * The model picked for one role, where it came from, and what to tell the user.
 *
 * @param role the role
 * @param models the models picked, or null when the role is off ({@link Source#NONE})
 * @param source which step of the resolution order picked them
 * @param resolved the local files, one per model; empty when nothing was resolved ({@link Source#NONE}, or a plan
 *     made without downloading)
 * @param message one line for the user: what is used, and, when it is not the seed's model, why and how to get it
 */
public record ModelChoice(ModelRole role, ModelSet models, Source source, List<ResolvedModel> resolved,
    String message) {
  /** The steps of the resolution order, in order. */
  public enum Source {
    /** 1. The user named a directory or a Hub repository for the role. */
    EXPLICIT,
    /** 2. The seed's model, already in the HF, torch or EasyOCR cache. */
    CACHE,
    /** 3. The seed's model, downloaded now (or, in a plan, to be downloaded). */
    DOWNLOAD,
    /** 4. The class-path default that a Maven dependency brought. */
    EMBEDDED,
    /** No model: the role is off. */
    NONE
  }

  /** Checks and copies the arguments. */
  public ModelChoice {
    Objects.requireNonNull(role, "role");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(message, "message");
    resolved = List.copyOf(resolved);
    if ((models == null) != (source == Source.NONE)) {
      throw new IllegalArgumentException("models must be null exactly when the source is NONE");
    }
  }

  /** @return true if the role has a model */
  public boolean available() {
    return source != Source.NONE;
  }
}
