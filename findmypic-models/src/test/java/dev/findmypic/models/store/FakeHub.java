package dev.findmypic.models.store;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Hugging Face Hub on 127.0.0.1 that speaks the resolve protocol (HEAD with X-Repo-Commit, ETag, X-Linked-Etag,
 * X-Linked-Size; GET with Range) and can misbehave on purpose. LFS files may be served from a second server, the
 * "CDN", through a 302 as the real Hub does. Every request is recorded with its headers.
 */
final class FakeHub implements AutoCloseable {
  /** One recorded request. */
  record Request(String server, String method, String path, Map<String, List<String>> headers) {
    String header(String name) {
      for (Map.Entry<String, List<String>> e : headers.entrySet()) {
        if (e.getKey().equalsIgnoreCase(name)) {
          return e.getValue().get(0);
        }
      }
      return null;
    }
  }

  /** A file in a repository. */
  static final class FileSpec {
    final byte[] content;
    final boolean lfs;
    /** the bytes actually sent, if different from content (a corrupting server) */
    byte[] served;
    /** drop the connection after this many body bytes, for the next {@code dropsLeft} GETs */
    int dropAfter = -1;
    final AtomicInteger dropsLeft = new AtomicInteger();
    /** statuses to answer before answering normally, one per request */
    final List<Integer> failFirst = new CopyOnWriteArrayList<>();
    /** extra response headers on failures, such as X-Error-Code */
    final Map<String, String> failHeaders = new ConcurrentHashMap<>();
    /** an ETag to announce instead of the real one */
    String etagOverride;
    /** instead of dropping after {@code dropAfter} bytes, stall this long (then drop) */
    int stallMillis;
    /** delay each GET by this many milliseconds (to overlap concurrent fetches) */
    int getDelayMillis;

    FileSpec(byte[] content, boolean lfs) {
      this.content = content;
      this.lfs = lfs;
    }

    String etag() {
      if (etagOverride != null) {
        return etagOverride;
      }
      return lfs ? sha256(content) : gitSha1(content);
    }
  }

  private static final Pattern RESOLVE = Pattern.compile("/(.+?/.+?)/resolve/([^/]+)/(.+)");

  private final HttpServer hub;
  private final HttpServer cdn;
  private final ExecutorService pool = Executors.newCachedThreadPool();
  final List<Request> requests = new CopyOnWriteArrayList<>();
  /** repo → revision (branch or commit) → commit */
  private final Map<String, Map<String, String>> revisions = new ConcurrentHashMap<>();
  /** repo@commit/path → file */
  private final Map<String, FileSpec> files = new ConcurrentHashMap<>();
  /** plain files served by the hub server at /static/... */
  private final Map<String, FileSpec> statics = new ConcurrentHashMap<>();
  /** true to serve LFS files through a 302 to the CDN server */
  volatile boolean lfsViaCdn;
  /** an X-Error-Code for a 404 of an unknown repository */
  volatile String unknownRepoStatusCode = "RepoNotFound";

  FakeHub() throws IOException {
    InetAddress lo = InetAddress.getByName("127.0.0.1");
    hub = HttpServer.create(new InetSocketAddress(lo, 0), 0);
    cdn = HttpServer.create(new InetSocketAddress(lo, 0), 0);
    hub.createContext("/", ex -> handle("hub", ex));
    cdn.createContext("/", ex -> handle("cdn", ex));
    hub.setExecutor(pool);
    cdn.setExecutor(pool);
    hub.start();
    cdn.start();
  }

  URI endpoint() {
    return URI.create("http://127.0.0.1:" + hub.getAddress().getPort());
  }

  URI cdnEndpoint() {
    return URI.create("http://127.0.0.1:" + cdn.getAddress().getPort());
  }

  /** Adds a repository whose branch {@code main} points at {@code commit}. */
  void addRepo(String repo, String commit) {
    revisions.computeIfAbsent(repo, r -> new ConcurrentHashMap<>()).put("main", commit);
    revisions.get(repo).put(commit, commit);
  }

  FileSpec addFile(String repo, String commit, String path, byte[] content, boolean lfs) {
    FileSpec f = new FileSpec(content, lfs);
    files.put(repo + "@" + commit + "/" + path, f);
    return f;
  }

  /** Serves a plain file at {@code /static/<name>}, as a release download would be served. */
  FileSpec addStatic(String name, byte[] content) {
    FileSpec f = new FileSpec(content, false);
    statics.put("/static/" + name, f);
    return f;
  }

  URI staticUri(String name) {
    return URI.create(endpoint() + "/static/" + name);
  }

  List<Request> requests(String method, String pathPart) {
    List<Request> out = new ArrayList<>();
    for (Request r : requests) {
      if (r.method().equals(method) && r.path().contains(pathPart)) {
        out.add(r);
      }
    }
    return out;
  }

  private void handle(String server, HttpExchange ex) throws IOException {
    String path = ex.getRequestURI().getRawPath();
    requests.add(new Request(server, ex.getRequestMethod(), java.net.URLDecoder.decode(path, StandardCharsets.UTF_8),
        Map.copyOf(ex.getRequestHeaders())));
    try {
      if (server.equals("cdn")) {
        FileSpec f = files.get(java.net.URLDecoder.decode(path.substring("/lfs/".length()), StandardCharsets.UTF_8));
        if (f == null) {
          send(ex, 404, new Headers());
          return;
        }
        serveBody(ex, f, new Headers());
        return;
      }
      FileSpec plain = statics.get(path);
      if (plain != null) {
        if (ex.getRequestMethod().equals("HEAD")) {
          ex.getResponseHeaders().add("Content-Length", String.valueOf(plain.content.length));
          ex.sendResponseHeaders(200, -1);
          ex.close();
        } else {
          serveBody(ex, plain, new Headers());
        }
        return;
      }
      Matcher m = RESOLVE.matcher(java.net.URLDecoder.decode(path, StandardCharsets.UTF_8));
      if (!m.matches()) {
        send(ex, 404, new Headers());
        return;
      }
      String repo = m.group(1);
      String revision = m.group(2);
      String file = m.group(3);
      Map<String, String> revs = revisions.get(repo);
      if (revs == null) {
        Headers h = new Headers();
        h.add("X-Error-Code", unknownRepoStatusCode);
        send(ex, unknownRepoStatusCode.equals("RepoNotFound") ? 404 : 401, h);
        return;
      }
      String commit = revs.get(revision);
      if (commit == null) {
        Headers h = new Headers();
        h.add("X-Error-Code", "RevisionNotFound");
        send(ex, 404, h);
        return;
      }
      FileSpec f = files.get(repo + "@" + commit + "/" + file);
      if (f == null) {
        Headers h = new Headers();
        h.add("X-Error-Code", "EntryNotFound");
        h.add("X-Repo-Commit", commit);
        send(ex, 404, h);
        return;
      }
      if (!f.failFirst.isEmpty()) {
        int status = f.failFirst.remove(0);
        Headers h = new Headers();
        f.failHeaders.forEach(h::add);
        send(ex, status, h);
        return;
      }
      Headers h = new Headers();
      h.add("X-Repo-Commit", commit);
      if (f.lfs) {
        h.add("X-Linked-Etag", "\"" + f.etag() + "\"");
        h.add("X-Linked-Size", String.valueOf(f.content.length));
        h.add("ETag", "W/\"" + gitSha1(("version https://git-lfs.github.com/spec/v1\noid sha256:" + f.etag())
            .getBytes(StandardCharsets.UTF_8)) + "\"");
        if (lfsViaCdn) {
          h.add("Location", cdnEndpoint() + "/lfs/" + repo + "@" + commit + "/" + file);
          send(ex, 302, h);
          return;
        }
      } else {
        h.add("ETag", "\"" + f.etag() + "\"");
      }
      if (ex.getRequestMethod().equals("HEAD")) {
        h.add("Content-Length", String.valueOf(f.content.length));
        ex.getResponseHeaders().putAll(h);
        ex.sendResponseHeaders(200, -1);
        ex.close();
        return;
      }
      serveBody(ex, f, h);
    } catch (IOException | RuntimeException e) {
      ex.close();
    }
  }

  private static void serveBody(HttpExchange ex, FileSpec f, Headers h) throws IOException {
    if (f.getDelayMillis > 0) {
      try {
        Thread.sleep(f.getDelayMillis);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    byte[] body = f.served != null ? f.served : f.content;
    int from = 0;
    int status = 200;
    String range = ex.getRequestHeaders().getFirst("Range");
    if (range != null && range.startsWith("bytes=") && range.endsWith("-")) {
      from = Integer.parseInt(range.substring(6, range.length() - 1));
      if (from >= body.length) {
        send(ex, 416, h);
        return;
      }
      status = 206;
      h.add("Content-Range", "bytes " + from + "-" + (body.length - 1) + "/" + body.length);
    }
    ex.getResponseHeaders().putAll(h);
    int length = body.length - from;
    ex.sendResponseHeaders(status, length);
    OutputStream out = ex.getResponseBody();
    if (f.dropAfter >= 0 && f.dropsLeft.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
      out.write(body, from, Math.min(f.dropAfter, length));
      out.flush();
      if (f.stallMillis > 0) {
        try {
          Thread.sleep(f.stallMillis);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      // closing a fixed-length body early makes the server drop the connection
      ex.close();
      return;
    }
    for (int off = from; off < body.length; off += 1 << 16) {
      out.write(body, off, Math.min(1 << 16, body.length - off)); // the JDK server copies each write whole
    }
    out.close();
  }

  private static void send(HttpExchange ex, int status, Headers h) throws IOException {
    ex.getResponseHeaders().putAll(h);
    ex.sendResponseHeaders(status, -1);
    ex.close();
  }

  static String sha256(byte[] b) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  static String gitSha1(byte[] b) {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-1");
      md.update(("blob " + b.length + "\0").getBytes(StandardCharsets.US_ASCII));
      return HexFormat.of().formatHex(md.digest(b));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    hub.stop(0);
    cdn.stop(0);
    pool.shutdownNow();
  }
}
