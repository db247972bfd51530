package dev.findmypic.models.store;

import dev.findmypic.core.store.ModelRef;
import java.util.List;
import java.util.Objects;

/**
 * The models one role needs together, under one name: CLIP is one Hub repository, faces are MTCNN plus FaceNet,
 * EasyOCR is CRAFT plus a recogniser.
 *
 * @param name a short name for messages and {@code config.json}, for example {@code openai/clip-vit-base-patch32}
 * @param refs the models, at least one
 */
public record ModelSet(String name, List<ModelRef> refs) {
  /** Checks and copies the arguments. */
  public ModelSet {
    Objects.requireNonNull(name, "name");
    refs = List.copyOf(refs);
    if (refs.isEmpty()) {
      throw new IllegalArgumentException("a model set needs at least one model: " + name);
    }
  }

  /**
   * @param ref one model
   * @return a set of just that model, named by its id
   */
  public static ModelSet of(ModelRef ref) {
    return new ModelSet(ref.id(), List.of(ref));
  }

  /** @return each model's id and revision (commit, version or sha256 where known), comma-separated */
  public String pinned() {
    StringBuilder sb = new StringBuilder();
    for (ModelRef r : refs) {
      if (sb.length() > 0) {
        sb.append(", ");
      }
      sb.append(r.id());
      if (r instanceof ModelRef.Hub) {
        sb.append('@').append(((ModelRef.Hub) r).revision());
      } else if (r instanceof ModelRef.Classpath) {
        sb.append('@').append(((ModelRef.Classpath) r).version());
      }
    }
    return sb.toString();
  }
}
