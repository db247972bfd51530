package dev.findmypic.models.hardware;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonParseException;
import dev.findmypic.core.ModelException;
import dev.findmypic.core.ModelRole;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads and writes {@code config.json} in the data directory. The file is written on the first run and reused on
 * later runs, unless the hardware changed or the user's explicit model choices differ; then the tier is chosen again
 * and the role choices start afresh.
 */
public final class ModelConfigFile {
  /** The file's name in the data directory. */
  public static final String NAME = "config.json";
  private static final Logger LOG = LoggerFactory.getLogger(ModelConfigFile.class);
  private static final Gson GSON = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create();

  private ModelConfigFile() {}

  /**
   * The configuration to use, and why.
   *
   * @param config the configuration, as now on disk
   * @param reused true if the file was already there and still fits
   * @param reason why it was (re)written, or that it was reused
   */
  public record Loaded(ModelConfig config, boolean reused, String reason) {}

  /**
   * Reads {@code config.json}, or writes a new one when there is none, it cannot be read, the hardware changed or
   * the explicit choices differ.
   *
   * @param dataDir the data directory
   * @param detected the hardware found now
   * @param overrides the user's explicit choices now
   * @return the configuration and whether it was reused
   */
  public static Loaded loadOrCreate(Path dataDir, HardwareProfile detected, Map<ModelRole, String> overrides) {
    Map<String, String> keyed = new TreeMap<>();
    overrides.forEach((role, value) -> keyed.put(role.key(), value));
    Optional<ModelConfig> existing;
    String reason;
    try {
      existing = read(dataDir);
      reason = "first run";
    } catch (ModelException e) {
      LOG.warn("{}; writing a new one", e.getMessage());
      existing = Optional.empty();
      reason = "the old file could not be read";
    }
    if (existing.isPresent()) {
      ModelConfig old = existing.get();
      if (old.version() == ModelConfig.VERSION && old.hardware().equals(detected) && old.overrides().equals(keyed)) {
        return new Loaded(old, true, "reused " + dataDir.resolve(NAME));
      }
      reason = !old.hardware().equals(detected)
          ? "the hardware changed (was " + old.hardware().describe() + ", now " + detected.describe() + ")"
          : "the explicit model choices changed";
    }
    Tier tier = TierPolicy.tierFor(detected);
    ModelConfig fresh = new ModelConfig(ModelConfig.VERSION, detected, tier, tier.batchSizes(), keyed, Map.of());
    write(dataDir, fresh);
    LOG.info("wrote {}: tier {} for {} ({})", dataDir.resolve(NAME), tier, detected.describe(), reason);
    return new Loaded(fresh, false, reason);
  }

  /**
   * @param dataDir the data directory
   * @return the configuration in it, if there is a file
   * @throws ModelException naming the file if it cannot be read
   */
  public static Optional<ModelConfig> read(Path dataDir) {
    Path file = dataDir.resolve(NAME);
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    try {
      ModelConfig c = GSON.fromJson(Files.readString(file, StandardCharsets.UTF_8), ModelConfig.class);
      if (c == null) {
        throw new ModelException(file + " is empty");
      }
      return Optional.of(c);
    } catch (IOException | JsonParseException | IllegalArgumentException | NullPointerException e) {
      throw new ModelException("cannot read " + file + " (" + e.getMessage() + ")", e);
    }
  }

  /**
   * Writes the configuration atomically.
   *
   * @param dataDir the data directory
   * @param config the configuration
   */
  public static void write(Path dataDir, ModelConfig config) {
    Path file = dataDir.resolve(NAME);
    try {
      Files.createDirectories(dataDir);
      Path tmp = dataDir.resolve(NAME + "." + Long.toHexString(ThreadLocalRandom.current().nextLong()) + ".tmp");
      Files.writeString(tmp, GSON.toJson(config) + "\n", StandardCharsets.UTF_8);
      Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new ModelException("cannot write " + file + ": " + e, e);
    }
  }
}
