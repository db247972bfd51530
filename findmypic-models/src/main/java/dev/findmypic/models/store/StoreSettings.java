package dev.findmypic.models.store;

import dev.findmypic.core.store.ModelRef;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Where the model store keeps and finds models, and how it talks to the network. Built from the same environment
 * variables that {@code huggingface_hub}, {@code torch.hub} and EasyOCR read, so that FindMyPic and the Python tools
 * share one copy of every model; each value can also be set from Java with a {@code with...} method.
 *
 * @param hubCache the Hugging Face hub cache ({@code HF_HUB_CACHE}, else the legacy {@code TRANSFORMERS_CACHE},
 *     else {@code $HF_HOME/hub})
 * @param torchHome torch's cache root ({@code TORCH_HOME}, default {@code ~/.cache/torch})
 * @param easyOcrModelDir EasyOCR's model directory ({@code $EASYOCR_MODULE_PATH/model}, else
 *     {@code $MODULE_PATH/model}, else {@code ~/.EasyOCR/model})
 * @param dataDir FindMyPic's data directory: {@code config.json}, the hash lock file, extracted class-path models
 * @param endpoint the Hub's base URL ({@code HF_ENDPOINT}, default {@code https://huggingface.co}); a mirror works
 * @param token the Hub access token ({@code HF_TOKEN}, else the file {@code $HF_HOME/token}), or null
 * @param offline true to make no network request at all ({@code HF_HUB_OFFLINE=1})
 * @param connectTimeout how long to wait for a connection
 * @param readTimeout how long to wait for the server's answer and between two reads of a download
 * @param maxAttempts how many times one request is tried when the server answers 429 or 5xx or the connection
 *     drops, at least 1
 * @param firstBackoff the wait before the second attempt; it doubles for each further one
 */
public record StoreSettings(
    Path hubCache,
    Path torchHome,
    Path easyOcrModelDir,
    Path dataDir,
    URI endpoint,
    String token,
    boolean offline,
    Duration connectTimeout,
    Duration readTimeout,
    int maxAttempts,
    Duration firstBackoff) {

  /** The Hub's public endpoint. */
  public static final URI DEFAULT_ENDPOINT = URI.create("https://huggingface.co");

  /** Checks the arguments and strips a trailing slash from the endpoint. */
  public StoreSettings {
    Objects.requireNonNull(hubCache, "hubCache");
    Objects.requireNonNull(torchHome, "torchHome");
    Objects.requireNonNull(easyOcrModelDir, "easyOcrModelDir");
    Objects.requireNonNull(dataDir, "dataDir");
    Objects.requireNonNull(endpoint, "endpoint");
    Objects.requireNonNull(connectTimeout, "connectTimeout");
    Objects.requireNonNull(readTimeout, "readTimeout");
    Objects.requireNonNull(firstBackoff, "firstBackoff");
    String e = endpoint.toString();
    if (e.endsWith("/")) {
      endpoint = URI.create(e.substring(0, e.length() - 1));
    }
    if (!"http".equals(endpoint.getScheme()) && !"https".equals(endpoint.getScheme())) {
      throw new IllegalArgumentException("the Hub endpoint must be an http(s) URL, got '" + endpoint + "'");
    }
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts must be at least 1, got " + maxAttempts);
    }
    if (token != null && token.isBlank()) {
      token = null;
    }
  }

  /**
   * Settings from this process's environment and the user's home directory.
   *
   * @param dataDir FindMyPic's data directory
   * @return the settings
   */
  public static StoreSettings fromEnvironment(Path dataDir) {
    return fromEnvironment(System.getenv(), Path.of(System.getProperty("user.home")), dataDir);
  }

  /**
   * Settings from a given environment, as the Python tools would compute them. Tests pass their own map and home so
   * that the real caches are never touched.
   *
   * @param env environment variables
   * @param home the user's home directory, for {@code ~} and the defaults
   * @param dataDir FindMyPic's data directory
   * @return the settings
   */
  public static StoreSettings fromEnvironment(Map<String, String> env, Path home, Path dataDir) {
    Path xdgCache = pathOr(env, "XDG_CACHE_HOME", home, home.resolve(".cache"));
    Path hfHome = pathOr(env, "HF_HOME", home, xdgCache.resolve("huggingface"));
    Path legacy = pathOr(env, "TRANSFORMERS_CACHE", home, hfHome.resolve("hub"));
    Path hubCache = pathOr(env, "HF_HUB_CACHE", home, legacy);
    Path torchHome = pathOr(env, "TORCH_HOME", home, xdgCache.resolve("torch"));
    Path easyOcrModule = pathOr(env, "EASYOCR_MODULE_PATH", home, pathOr(env, "MODULE_PATH", home, home.resolve(".EasyOCR")));
    String endpoint = nonBlank(env.get("HF_ENDPOINT"));
    String token = nonBlank(env.get("HF_TOKEN"));
    if (token == null) {
      token = readToken(pathOr(env, "HF_TOKEN_PATH", home, hfHome.resolve("token")));
    }
    return new StoreSettings(
        hubCache,
        torchHome,
        easyOcrModule.resolve("model"),
        dataDir,
        endpoint == null ? DEFAULT_ENDPOINT : URI.create(endpoint),
        token,
        isTrue(env.get("HF_HUB_OFFLINE")),
        Duration.ofSeconds(10),
        Duration.ofSeconds(30),
        5,
        Duration.ofSeconds(1));
  }

  /**
   * @param value an environment value
   * @return true for the values {@code huggingface_hub} takes as true: 1, on, yes, true (any case)
   */
  static boolean isTrue(String value) {
    if (value == null) {
      return false;
    }
    String v = value.trim().toUpperCase(Locale.ROOT);
    return v.equals("1") || v.equals("ON") || v.equals("YES") || v.equals("TRUE");
  }

  /** @return where the files of one {@link ModelRef.UrlCache} live */
  Path urlCacheDir(ModelRef.UrlCache cache) {
    switch (cache) {
      case TORCH_HUB_CHECKPOINTS:
        return torchHome.resolve("hub").resolve("checkpoints");
      case TORCH_CHECKPOINTS:
        return torchHome.resolve("checkpoints");
      case EASYOCR:
        return easyOcrModelDir;
      case DATA_DIR:
        return dataDir.resolve("models");
      default:
        throw new IllegalArgumentException(cache.toString());
    }
  }

  /**
   * @param value true to make no network request at all
   * @return a copy with that offline flag
   */
  public StoreSettings withOffline(boolean value) {
    return new StoreSettings(hubCache, torchHome, easyOcrModelDir, dataDir, endpoint, token, value, connectTimeout,
        readTimeout, maxAttempts, firstBackoff);
  }

  /**
   * @param value the Hub endpoint or a mirror
   * @return a copy with that endpoint
   */
  public StoreSettings withEndpoint(URI value) {
    return new StoreSettings(hubCache, torchHome, easyOcrModelDir, dataDir, value, token, offline, connectTimeout,
        readTimeout, maxAttempts, firstBackoff);
  }

  /**
   * @param value the Hub access token, or null for none
   * @return a copy with that token
   */
  public StoreSettings withToken(String value) {
    return new StoreSettings(hubCache, torchHome, easyOcrModelDir, dataDir, endpoint, value, offline, connectTimeout,
        readTimeout, maxAttempts, firstBackoff);
  }

  /**
   * @param value the Hugging Face hub cache directory
   * @return a copy with that hub cache
   */
  public StoreSettings withHubCache(Path value) {
    return new StoreSettings(value, torchHome, easyOcrModelDir, dataDir, endpoint, token, offline, connectTimeout,
        readTimeout, maxAttempts, firstBackoff);
  }

  /**
   * @param value torch's cache root
   * @return a copy with that torch home
   */
  public StoreSettings withTorchHome(Path value) {
    return new StoreSettings(hubCache, value, easyOcrModelDir, dataDir, endpoint, token, offline, connectTimeout,
        readTimeout, maxAttempts, firstBackoff);
  }

  /**
   * @param value EasyOCR's model directory
   * @return a copy with that directory
   */
  public StoreSettings withEasyOcrModelDir(Path value) {
    return new StoreSettings(hubCache, torchHome, value, dataDir, endpoint, token, offline, connectTimeout,
        readTimeout, maxAttempts, firstBackoff);
  }

  /**
   * @param connect the connect timeout
   * @param read the read timeout
   * @return a copy with those timeouts
   */
  public StoreSettings withTimeouts(Duration connect, Duration read) {
    return new StoreSettings(hubCache, torchHome, easyOcrModelDir, dataDir, endpoint, token, offline, connect, read,
        maxAttempts, firstBackoff);
  }

  /**
   * @param attempts how many times a request is tried, at least 1
   * @param backoff the wait before the second attempt, doubled for each further one
   * @return a copy with that retry policy
   */
  public StoreSettings withRetries(int attempts, Duration backoff) {
    return new StoreSettings(hubCache, torchHome, easyOcrModelDir, dataDir, endpoint, token, offline, connectTimeout,
        readTimeout, attempts, backoff);
  }

  @Override
  public String toString() {
    // never print the token
    return "StoreSettings[hubCache=" + hubCache + ", torchHome=" + torchHome + ", easyOcrModelDir=" + easyOcrModelDir
        + ", dataDir=" + dataDir + ", endpoint=" + endpoint + ", token=" + (token == null ? "none" : "set")
        + ", offline=" + offline + "]";
  }

  private static Path pathOr(Map<String, String> env, String name, Path home, Path fallback) {
    String v = nonBlank(env.get(name));
    if (v == null) {
      return fallback;
    }
    if (v.equals("~")) {
      return home;
    }
    if (v.startsWith("~/")) {
      return home.resolve(v.substring(2));
    }
    return Path.of(v);
  }

  private static String nonBlank(String v) {
    return v == null || v.isBlank() ? null : v.trim();
  }

  private static String readToken(Path file) {
    try {
      return Files.isRegularFile(file) ? nonBlank(Files.readString(file, StandardCharsets.UTF_8)) : null;
    } catch (IOException e) {
      return null;
    }
  }
}
