package dev.findmypic.models.hardware;

import dev.findmypic.core.ModelRole;
import dev.findmypic.core.store.DownloadListener;
import dev.findmypic.models.store.DefaultModelStore;
import dev.findmypic.models.store.ModelChoice;
import dev.findmypic.models.store.ModelResolver;
import dev.findmypic.models.store.StoreSettings;
import java.nio.file.Path;
import java.util.Map;

/**
 * Everything a run needs to pick its models: the hardware and tier from {@code config.json} (written on the first
 * run), the store, and the resolver; each role's choice is recorded back into {@code config.json} with its source.
 * Thread-safe.
 */
public final class ModelSetup {
  private final DefaultModelStore store;
  private final ModelResolver resolver;
  private final Path dataDir;
  private ModelConfig config;

  private ModelSetup(DefaultModelStore store, ModelConfig config, Map<ModelRole, String> overrides) {
    this.store = store;
    this.config = config;
    this.dataDir = store.settings().dataDir();
    this.resolver = new ModelResolver(store, config.tier().seeds(), overrides);
  }

  /**
   * Detects the hardware and loads or writes {@code config.json}.
   *
   * @param settings the store settings (the data directory among them)
   * @param overrides explicit choices per role
   * @return the setup
   */
  public static ModelSetup open(StoreSettings settings, Map<ModelRole, String> overrides) {
    return open(settings, overrides, new CudaGpuProbe());
  }

  /**
   * As {@link #open(StoreSettings, Map)} with a given GPU probe.
   *
   * @param settings the store settings
   * @param overrides explicit choices per role
   * @param probe how to find GPUs
   * @return the setup
   */
  public static ModelSetup open(StoreSettings settings, Map<ModelRole, String> overrides, GpuProbe probe) {
    HardwareProfile hw = HardwareDetector.detect(probe);
    ModelConfigFile.Loaded loaded = ModelConfigFile.loadOrCreate(settings.dataDir(), hw, overrides);
    return new ModelSetup(new DefaultModelStore(settings), loaded.config(), overrides);
  }

  /** @return the store */
  public DefaultModelStore store() {
    return store;
  }

  /** @return the resolver for the configured tier */
  public ModelResolver resolver() {
    return resolver;
  }

  /** @return the configuration as last written */
  public synchronized ModelConfig config() {
    return config;
  }

  /**
   * Resolves a role's model and records the choice in {@code config.json}.
   *
   * @param role the role
   * @param listener hears download progress
   * @return the choice
   */
  public ModelChoice resolve(ModelRole role, DownloadListener listener) {
    ModelChoice choice = resolver.resolve(role, listener);
    synchronized (this) {
      config = config.withChoice(choice);
      ModelConfigFile.write(dataDir, config);
    }
    return choice;
  }
}
