package dev.findmypic.cli;

import dev.findmypic.core.ModelRole;
import dev.findmypic.core.ModelSettings;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** The options every command takes: where the data lives, which models to use, and how to print. */
final class GlobalOptions {
  @Option(
      scope = ScopeType.INHERIT,
      names = "--data-dir",
      description = "The library's data directory (catalogue, indexes, config.json). "
          + "Default: $FINDMYPIC_HOME, else $XDG_DATA_HOME/findmypic, else ~/.local/share/findmypic.")
  Path dataDir;

  @Option(
      scope = ScopeType.INHERIT,
      names = "--model",
      paramLabel = "ROLE=SOURCE",
      description = "Use this model for a role (clip, text, faces, ocr): a local directory in the Hub layout, or a "
          + "Hub id with an optional @revision. Repeatable.")
  Map<String, String> models = new LinkedHashMap<>();

  @Option(scope = ScopeType.INHERIT, names = "--json", description = "Print JSON for scripts instead of a table.")
  boolean json;

  @Option(scope = ScopeType.INHERIT, names = "--offline", description = "Never use the network (also set by HF_HUB_OFFLINE=1).")
  boolean offline;

  @Option(scope = ScopeType.INHERIT, names = "--threads", description = "Threads per model inference. Default: one per core.")
  Integer threads;

  @Option(scope = ScopeType.INHERIT, names = {"-v", "--verbose"}, description = "Show stack traces and debug logging.")
  boolean verbose;

  /** @return the data directory, from the option or the environment */
  Path dataDir() {
    if (dataDir != null) {
      return dataDir.toAbsolutePath();
    }
    String home = System.getenv("FINDMYPIC_HOME");
    if (home != null && !home.isBlank()) {
      return Path.of(home).toAbsolutePath();
    }
    String xdg = System.getenv("XDG_DATA_HOME");
    Path base = xdg != null && !xdg.isBlank()
        ? Path.of(xdg)
        : Path.of(System.getProperty("user.home"), ".local", "share");
    return base.resolve("findmypic");
  }

  /** @return model settings from these options */
  ModelSettings settings() {
    ModelSettings defaults = ModelSettings.defaults(dataDir());
    Map<ModelRole, String> overrides = new EnumMap<>(ModelRole.class);
    models.forEach((role, source) -> overrides.put(ModelRole.ofKey(role), source));
    return new ModelSettings(
        defaults.dataDir(),
        overrides,
        offline || defaults.offline(),
        threads != null ? threads : defaults.threads());
  }
}
