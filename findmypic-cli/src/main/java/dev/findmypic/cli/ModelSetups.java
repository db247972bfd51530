package dev.findmypic.cli;

import dev.findmypic.core.ModelRole;
import dev.findmypic.core.ModelSettings;
import dev.findmypic.models.hardware.ModelSetup;
import dev.findmypic.models.store.StoreSettings;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** Opens the model setup (store, resolver, config.json) that the global options describe. */
final class ModelSetups {
  private ModelSetups() {}

  static ModelSetup open(GlobalOptions global) {
    ModelSettings settings = global.settings();
    StoreSettings store = StoreSettings.fromEnvironment(settings.dataDir());
    return ModelSetup.open(settings.offline() ? store.withOffline(true) : store, settings.overrides());
  }

  /** @return the roles named, or every role when none is */
  static Set<ModelRole> roles(List<String> names) {
    if (names == null || names.isEmpty()) {
      return EnumSet.allOf(ModelRole.class);
    }
    Set<ModelRole> roles = EnumSet.noneOf(ModelRole.class);
    names.forEach(n -> roles.add(ModelRole.ofKey(n)));
    return roles;
  }

  /** @return the role names, for help texts */
  static String roleNames() {
    return String.join(", ", Arrays.stream(ModelRole.values()).map(ModelRole::key).toList());
  }
}
