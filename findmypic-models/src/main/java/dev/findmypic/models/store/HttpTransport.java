package dev.findmypic.models.store;

import dev.findmypic.core.ModelException;
import dev.findmypic.core.store.DownloadListener;
import dev.findmypic.models.store.ModelDownloadException.Reason;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Flow;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * HTTP for the model store: bounded retries with exponential backoff on 429, 5xx and dropped connections, redirects
 * followed by hand so that the bearer token goes only to the configured endpoint's origin, and resumable downloads
 * into a {@code .incomplete} file with {@code Range}.
 */
final class HttpTransport {
  private static final Logger LOG = LoggerFactory.getLogger(HttpTransport.class);
  private static final int MAX_REDIRECTS = 10;
  private static final Duration MAX_BACKOFF = Duration.ofSeconds(60);
  private static final Pattern CONTENT_RANGE = Pattern.compile("bytes (\\d+)-(\\d+)/(\\d+|\\*)");
  private static final String USER_AGENT = "findmypic/0.1; java/" + Runtime.version().feature();

  private final StoreSettings settings;
  private final HttpClient client;

  HttpTransport(StoreSettings settings) {
    this.settings = settings;
    this.client = HttpClient.newBuilder()
        .connectTimeout(settings.connectTimeout())
        .followRedirects(HttpClient.Redirect.NEVER)
        .version(HttpClient.Version.HTTP_1_1)
        .build();
  }

  /**
   * @param uri a request's URI
   * @return a request builder with the common headers, and the token where the URI is on the endpoint's origin
   */
  HttpRequest.Builder request(URI uri) {
    HttpRequest.Builder b = HttpRequest.newBuilder(uri)
        .timeout(settings.readTimeout())
        .header("User-Agent", USER_AGENT)
        .header("Accept-Encoding", "identity");
    if (settings.token() != null && sameOrigin(uri, settings.endpoint())) {
      b.header("Authorization", "Bearer " + settings.token());
    }
    return b;
  }

  /**
   * @param a a URI
   * @param b another
   * @return true if both have the same scheme, host and port
   */
  static boolean sameOrigin(URI a, URI b) {
    return Objects.equals(lower(a.getScheme()), lower(b.getScheme()))
        && Objects.equals(lower(a.getHost()), lower(b.getHost()))
        && port(a) == port(b);
  }

  /**
   * Sends a request, retrying on 429, 5xx and network failures with exponential backoff.
   *
   * @param request the request
   * @param target what the request is for, for messages
   * @return the first response that is neither 429 nor 5xx; its body still to be read or discarded
   * @throws ModelDownloadException after the last attempt
   */
  HttpResponse<Flow.Publisher<List<ByteBuffer>>> send(HttpRequest request, DownloadTarget target) {
    if (settings.offline()) {
      throw new IllegalStateException("offline store tried to send " + request.method() + " " + request.uri());
    }
    for (int attempt = 1; ; attempt++) {
      HttpResponse<Flow.Publisher<List<ByteBuffer>>> response;
      try {
        response = client.send(request, HttpResponse.BodyHandlers.ofPublisher());
      } catch (IOException e) {
        if (attempt >= settings.maxAttempts()) {
          throw new ModelDownloadException(Reason.NETWORK, "cannot reach " + request.uri().getHost() + " for "
              + target.describe() + " after " + attempt + " attempts (" + e + "). " + ModelStoreMessages.waysOut(),
              e);
        }
        LOG.warn("{} {}: {}; retrying ({}/{})", request.method(), request.uri(), e, attempt, settings.maxAttempts());
        sleep(backoff(attempt, Optional.empty()));
        continue;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new ModelException("interrupted while fetching " + target.describe(), e);
      }
      int status = response.statusCode();
      if (status != 429 && status < 500) {
        return response;
      }
      BodyReader.discard(response.body());
      if (attempt >= settings.maxAttempts()) {
        throw failure(status, response.headers(), target);
      }
      LOG.warn("{} {}: HTTP {}; retrying ({}/{})", request.method(), request.uri(), status, attempt,
          settings.maxAttempts());
      sleep(backoff(attempt, response.headers().firstValue("Retry-After")));
    }
  }

  /**
   * Downloads a file into a {@code .incomplete} file, resuming from what it already holds with {@code Range}, and
   * again after every dropped connection, up to the retry limit.
   *
   * @param start the file's URL
   * @param incomplete the partial file; created when missing
   * @param expectedSize the file's size, or -1 if unknown
   * @param target what the file is, for messages
   * @param listener hears progress
   * @throws ModelDownloadException if the file cannot be had
   */
  void download(URI start, Path incomplete, long expectedSize, DownloadTarget target, DownloadListener listener) {
    for (int attempt = 1; ; attempt++) {
      try {
        long have = Files.exists(incomplete) ? Files.size(incomplete) : 0;
        if (expectedSize >= 0 && have > expectedSize) {
          truncate(incomplete);
          have = 0;
        }
        if (expectedSize >= 0 && have == expectedSize && have > 0) {
          return;
        }
        streamOnce(start, incomplete, have, expectedSize, target, listener);
        long got = Files.size(incomplete);
        if (expectedSize < 0 || got == expectedSize) {
          return;
        }
        throw new IOException("connection closed after " + got + " of " + expectedSize + " bytes");
      } catch (IOException e) {
        if (attempt >= settings.maxAttempts()) {
          throw new ModelDownloadException(Reason.NETWORK, "download of " + target.describe() + " from "
              + start.getHost() + " failed after " + attempt + " attempts (" + e + "); run again to resume. "
              + ModelStoreMessages.waysOut(), e);
        }
        LOG.warn("download of {} interrupted: {}; resuming ({}/{})", target.describe(), e, attempt,
            settings.maxAttempts());
        sleep(backoff(attempt, Optional.empty()));
      }
    }
  }

  private void streamOnce(URI start, Path incomplete, long have, long expectedSize, DownloadTarget target,
      DownloadListener listener) throws IOException {
    URI uri = start;
    for (int hop = 0; hop <= MAX_REDIRECTS; hop++) {
      HttpRequest.Builder b = request(uri).GET();
      if (have > 0) {
        b.header("Range", "bytes=" + have + "-");
      }
      HttpResponse<Flow.Publisher<List<ByteBuffer>>> response = send(b.build(), target);
      int status = response.statusCode();
      if (isRedirect(status)) {
        BodyReader.discard(response.body());
        uri = redirectTarget(uri, response.headers(), target);
        continue;
      }
      boolean append;
      if (status == 206 && have > 0) {
        if (!resumesAt(response.headers().firstValue("Content-Range").orElse(""), have)) {
          BodyReader.discard(response.body());
          truncate(incomplete);
          throw new IOException("the server answered Range " + have + "- with '"
              + response.headers().firstValue("Content-Range").orElse("no Content-Range") + "'; restarting");
        }
        append = true;
      } else if (status == 200) {
        append = false;
      } else if (status == 416) {
        BodyReader.discard(response.body());
        truncate(incomplete);
        throw new IOException("the server refused Range " + have + "- (HTTP 416); restarting");
      } else {
        BodyReader.discard(response.body());
        throw failure(status, response.headers(), target);
      }
      long done = append ? have : 0;
      long total = expectedSize >= 0 ? expectedSize
          : response.headers().firstValueAsLong("Content-Length").orElse(-1L) + (append ? have : 0);
      try (BodyReader body = BodyReader.of(response.body(), settings.readTimeout());
          FileChannel out = FileChannel.open(incomplete, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
              append ? StandardOpenOption.APPEND : StandardOpenOption.TRUNCATE_EXISTING)) {
        listener.onProgress(target.file(), done, total);
        for (List<ByteBuffer> chunk; (chunk = body.next()) != null; ) {
          ByteBuffer[] bufs = chunk.toArray(new ByteBuffer[0]);
          long left = 0;
          for (ByteBuffer buf : bufs) {
            left += buf.remaining();
          }
          while (left > 0) { // one gathering write per chunk, not one system call per buffer
            long n = out.write(bufs);
            left -= n;
            done += n;
          }
          if (expectedSize >= 0 && done > expectedSize) {
            throw new IOException("the server sent more than the announced " + expectedSize + " bytes");
          }
          listener.onProgress(target.file(), done, total);
        }
      }
      return;
    }
    throw new ModelDownloadException(Reason.PROTOCOL, "more than " + MAX_REDIRECTS + " redirects for "
        + target.describe() + " starting at " + start, null);
  }

  /**
   * @param from the URI that answered with a redirect
   * @param headers its headers
   * @param target for the message
   * @return the absolute URI of its {@code Location}
   */
  static URI redirectTarget(URI from, HttpHeaders headers, DownloadTarget target) {
    String location = headers.firstValue("Location").orElseThrow(() -> new ModelDownloadException(Reason.PROTOCOL,
        "redirect without Location from " + from + " for " + target.describe(), null));
    URI next;
    try {
      next = from.resolve(location);
    } catch (IllegalArgumentException e) {
      throw new ModelDownloadException(Reason.PROTOCOL, "bad redirect Location '" + location + "' for "
          + target.describe(), e);
    }
    if (!"http".equals(next.getScheme()) && !"https".equals(next.getScheme())) {
      throw new ModelDownloadException(Reason.PROTOCOL, "refusing a redirect to '" + next + "' for "
          + target.describe() + ": only http and https are followed", null);
    }
    return next;
  }

  /**
   * @param contentRange a 206 answer's {@code Content-Range}
   * @param have the offset the request asked to resume at
   * @return true if it is {@code bytes have-end/total}; false for anything else, numbers too big for a long included
   */
  static boolean resumesAt(String contentRange, long have) {
    Matcher m = CONTENT_RANGE.matcher(contentRange);
    return m.matches() && m.group(1).equals(Long.toString(have));
  }

  /**
   * Reads a size header that the server may have written wrongly.
   *
   * @param headers the answer's headers
   * @param name the header, for example {@code X-Linked-Size}
   * @param target for the message
   * @return its value, or -1 if absent
   * @throws ModelDownloadException if it is not a non-negative integer
   */
  static long sizeHeader(HttpHeaders headers, String name, DownloadTarget target) {
    String value = headers.firstValue(name).orElse(null);
    if (value == null) {
      return -1;
    }
    try {
      long size = Long.parseLong(value.trim());
      if (size >= 0) {
        return size;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new ModelDownloadException(Reason.PROTOCOL, "the server sent " + name + " '" + value + "' for "
        + target.describe() + ": not a size", null);
  }

  static boolean isRedirect(int status) {
    return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
  }

  /**
   * Turns an error status into the exception for it, using the Hub's {@code X-Error-Code} where it says more.
   *
   * @param status the HTTP status
   * @param headers the response headers
   * @param target what the request was for
   * @return the exception to throw
   */
  ModelDownloadException failure(int status, HttpHeaders headers, DownloadTarget target) {
    String code = headers.firstValue("X-Error-Code").orElse("");
    String serverSays = headers.firstValue("X-Error-Message").map(m -> " The server says: " + m).orElse("");
    String repoPage = settings.endpoint() + "/" + target.model();
    if (code.equals("RepoNotFound")) {
      return new ModelDownloadException(Reason.REPOSITORY_NOT_FOUND, "model " + target.model() + " not found on "
          + settings.endpoint() + " (HTTP " + status + ", RepoNotFound): check the repository id; a private "
          + "repository also needs HF_TOKEN." + serverSays, null);
    }
    if (code.equals("RevisionNotFound")) {
      return new ModelDownloadException(Reason.REVISION_NOT_FOUND, "revision '" + target.revision() + "' of model "
          + target.model() + " not found (HTTP " + status + "): check the branch, tag or commit." + serverSays, null);
    }
    if (code.equals("EntryNotFound")) {
      return new ModelDownloadException(Reason.FILE_NOT_FOUND, target.describe() + " not found (HTTP " + status
          + "): the repository has no such file at that revision." + serverSays, null);
    }
    if (code.equals("GatedRepo") || status == 401 || status == 403) {
      String token = settings.token() == null
          ? "No token is set: set HF_TOKEN or write one to $HF_HOME/token."
          : "The token that is set was refused or its account has no access.";
      return new ModelDownloadException(Reason.ACCESS_DENIED, "access denied (HTTP " + status
          + (code.isEmpty() ? "" : ", " + code) + ") to " + target.describe() + ": the repository is gated or "
          + "private. Accept its terms at " + repoPage + " with your account, then use a token of that account. "
          + token + serverSays, null);
    }
    if (status == 404) {
      return new ModelDownloadException(Reason.FILE_NOT_FOUND, "HTTP 404 for " + target.describe()
          + ": the repository, the revision or the file does not exist (the server did not say which)." + serverSays,
          null);
    }
    if (status == 429) {
      return new ModelDownloadException(Reason.RATE_LIMITED, "rate limited (HTTP 429) fetching " + target.describe()
          + " after " + settings.maxAttempts() + " attempts: wait a few minutes and run again, or set HF_TOKEN "
          + "(signed-in users get a higher limit)." + serverSays, null);
    }
    if (status >= 500) {
      return new ModelDownloadException(Reason.SERVER_ERROR, "server error (HTTP " + status + ") fetching "
          + target.describe() + " after " + settings.maxAttempts() + " attempts: try again later, or use a mirror "
          + "through HF_ENDPOINT." + serverSays, null);
    }
    return new ModelDownloadException(Reason.PROTOCOL, "unexpected HTTP " + status + " fetching "
        + target.describe() + "." + serverSays, null);
  }

  private Duration backoff(int attempt, Optional<String> retryAfter) {
    Duration d = settings.firstBackoff().multipliedBy(1L << Math.min(attempt - 1, 20));
    if (retryAfter.isPresent()) {
      try {
        Duration asked = Duration.ofSeconds(Long.parseLong(retryAfter.get().trim()));
        d = asked.compareTo(d) > 0 ? asked : d;
      } catch (NumberFormatException ignored) {
        // an HTTP date: keep the exponential backoff
      }
    }
    return d.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : d;
  }

  private static void sleep(Duration d) {
    try {
      Thread.sleep(d.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ModelException("interrupted while waiting to retry a download", e);
    }
  }

  private static void truncate(Path file) throws IOException {
    try (FileChannel c = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
      c.truncate(0);
    }
  }

  private static String lower(String s) {
    return s == null ? null : s.toLowerCase(Locale.ROOT);
  }

  private static int port(URI u) {
    if (u.getPort() >= 0) {
      return u.getPort();
    }
    return "https".equalsIgnoreCase(u.getScheme()) ? 443 : 80;
  }
}
