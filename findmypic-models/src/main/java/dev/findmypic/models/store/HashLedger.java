package dev.findmypic.models.store;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import dev.findmypic.core.ModelException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;

/**
 * Two small JSON files in the data directory. {@code models.lock.json} holds the sha256 of every file that has no
 * published hash, recorded the first time it was seen (trust on first use) and checked every time after.
 * {@code verified-files.json} remembers which files were hashed and matched, by size and modification time, so a
 * multi-gigabyte file is hashed once, not on every start. Both are updated under a file lock and replaced atomically.
 */
final class HashLedger {
  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(HashLedger.class);
  static final String TRUSTED_FILE = "models.lock.json";
  static final String VERIFIED_FILE = "verified-files.json";
  private static final Gson GSON = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create();

  private final Path trusted;
  private final Path verified;

  HashLedger(Path dataDir) {
    this.trusted = dataDir.resolve(TRUSTED_FILE);
    this.verified = dataDir.resolve(VERIFIED_FILE);
  }

  /**
   * @param key what the hash is of, for example the file's URL
   * @return the sha256 recorded for it, if any
   */
  Optional<String> trustedSha256(String key) {
    JsonObject entry = read(trusted).getAsJsonObject("files").getAsJsonObject(key);
    return entry == null || !entry.has("sha256") ? Optional.empty() : Optional.of(entry.get("sha256").getAsString());
  }

  /**
   * Records a sha256 seen for the first time.
   *
   * @param key what the hash is of
   * @param sha256 the hash
   * @param file where the file is, for people reading the lock file
   */
  void trust(String key, String sha256, Path file) {
    update(trusted, root -> {
      JsonObject entry = new JsonObject();
      entry.addProperty("sha256", sha256);
      entry.addProperty("file", file.toString());
      entry.addProperty("recorded", Instant.now().toString());
      root.getAsJsonObject("files").add(key, entry);
    });
  }

  /**
   * @param file a file
   * @param kind the hash it must have
   * @param expected the hash it must have
   * @return true if the file was hashed before with this result and has not changed size or modification time since
   */
  boolean isVerified(Path file, Digests.Kind kind, String expected) {
    JsonObject entry = read(verified).getAsJsonObject("files").getAsJsonObject(key(file));
    Stamp now = Stamp.of(file);
    return entry != null && now != null
        && entry.get("size").getAsLong() == now.size
        && entry.get("mtime").getAsString().equals(now.mtime)
        && entry.get("kind").getAsString().equals(kind.name())
        && entry.get("hash").getAsString().equals(expected);
  }

  /**
   * Remembers that a file was hashed and matched.
   *
   * @param file the file
   * @param kind the hash
   * @param value the hash
   */
  void markVerified(Path file, Digests.Kind kind, String value) {
    Stamp now = Stamp.of(file);
    if (now == null) {
      return;
    }
    bestEffort(verified, root -> {
      JsonObject entry = new JsonObject();
      entry.addProperty("size", now.size);
      entry.addProperty("mtime", now.mtime);
      entry.addProperty("kind", kind.name());
      entry.addProperty("hash", value);
      root.getAsJsonObject("files").add(key(file), entry);
    });
  }

  /**
   * Forgets what is known about files below a path (after a removal).
   *
   * @param prefix a file or directory
   */
  void forgetBelow(Path prefix) {
    String p = key(prefix);
    bestEffort(verified, root -> root.getAsJsonObject("files").keySet().removeIf(k -> k.equals(p) || k.startsWith(p + "/")));
  }

  private static String key(Path file) {
    return file.toAbsolutePath().normalize().toString();
  }

  private static JsonObject read(Path file) {
    JsonObject root;
    try {
      root = Files.isRegularFile(file)
          ? JsonParser.parseString(Files.readString(file, StandardCharsets.UTF_8)).getAsJsonObject()
          : new JsonObject();
    } catch (IOException | JsonParseException | IllegalStateException e) {
      throw new ModelException("cannot read " + file + " (" + e.getMessage() + "); fix or delete it", e);
    }
    if (!root.has("files")) {
      root.add("files", new JsonObject());
    }
    return root;
  }

  @SuppressWarnings("try") // the lock is held for the block's duration, never referenced
  /** Updates the verification cache; a data directory that cannot be written costs speed, not correctness. */
  private static void bestEffort(Path file, Consumer<JsonObject> change) {
    try {
      update(file, change);
    } catch (ModelException e) {
      LOG.warn("{}; files will be hashed again next time", e.getMessage());
    }
  }

  private static void update(Path file, Consumer<JsonObject> change) {
    try (FileLocks.Held lock = FileLocks.acquire(file.resolveSibling(file.getFileName() + ".lock"))) {
      JsonObject root = read(file);
      root.addProperty("version", 1);
      change.accept(root);
      Path tmp = file.resolveSibling(file.getFileName() + "." + Long.toHexString(ThreadLocalRandom.current().nextLong())
          + ".tmp");
      Files.writeString(tmp, GSON.toJson(root), StandardCharsets.UTF_8);
      Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new ModelException("cannot write " + file + ": " + e, e);
    }
  }

  private static final class Stamp {
    final long size;
    final String mtime;

    private Stamp(long size, String mtime) {
      this.size = size;
      this.mtime = mtime;
    }

    static Stamp of(Path file) {
      try {
        BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
        return new Stamp(a.size(), a.lastModifiedTime().toInstant().toString());
      } catch (IOException e) {
        return null;
      }
    }
  }
}
