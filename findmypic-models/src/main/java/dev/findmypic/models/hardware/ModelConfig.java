package dev.findmypic.models.hardware;

import dev.findmypic.core.ModelRole;
import dev.findmypic.models.store.ModelChoice;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The content of {@code config.json} in the data directory: the hardware found, the tier and batch sizes chosen from
 * it, the user's explicit model choices, and the model each role got with its pinned revision and source.
 *
 * @param version the file format, 1
 * @param hardware the hardware found when the file was written
 * @param tier the tier chosen from it
 * @param batchSizes the batch sizes in use
 * @param overrides the user's explicit choices, by role key
 * @param models what each role got, by role key; a role is added when it is first resolved
 */
public record ModelConfig(int version, HardwareProfile hardware, Tier tier, BatchSizes batchSizes,
    Map<String, String> overrides, Map<String, RoleModel> models) {
  /** The current file format. */
  public static final int VERSION = 1;

  /** Checks and copies the arguments (sorted, so the file is stable). */
  public ModelConfig {
    Objects.requireNonNull(hardware, "hardware");
    Objects.requireNonNull(tier, "tier");
    Objects.requireNonNull(batchSizes, "batchSizes");
    overrides = new TreeMap<>(overrides == null ? Map.of() : overrides);
    models = new TreeMap<>(models == null ? Map.of() : models);
  }

  /**
   * What one role got.
   *
   * @param name the model or model set, for example {@code openai/clip-vit-base-patch32}
   * @param pinned every model with its pinned revision, for example {@code openai/clip-vit-base-patch32@d15b5f29...};
   *     null when the role is off
   * @param source the step of the resolution order that picked it ({@link ModelChoice.Source} name)
   * @param message the line shown to the user
   */
  public record RoleModel(String name, String pinned, String source, String message) {}

  /**
   * @param choice a role's choice
   * @return a copy with that choice recorded
   */
  public ModelConfig withChoice(ModelChoice choice) {
    Map<String, RoleModel> m = new TreeMap<>(models);
    m.put(choice.role().key(), new RoleModel(
        choice.models() == null ? null : choice.models().name(),
        choice.models() == null ? null : choice.models().pinned(),
        choice.source().name(),
        choice.message()));
    return new ModelConfig(version, hardware, tier, batchSizes, overrides, m);
  }

  /**
   * @param role a role
   * @return what it got, or null if it was not resolved yet
   */
  public RoleModel model(ModelRole role) {
    return models.get(role.key());
  }
}
