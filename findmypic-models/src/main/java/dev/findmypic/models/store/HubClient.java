package dev.findmypic.models.store;

import dev.findmypic.core.store.DownloadListener;
import dev.findmypic.models.store.ModelDownloadException.Reason;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Flow;
import java.util.stream.Collectors;

/**
 * The Hugging Face Hub's file protocol: {@code HEAD {endpoint}/{repo}/resolve/{revision}/{path}} for a file's commit,
 * ETag and size, then {@code GET} on the location it gives. Redirects within the endpoint's origin (a renamed
 * repository) are followed with the token; the first redirect elsewhere (the CDN that serves LFS files) ends the
 * {@code HEAD} and its location is downloaded without the token.
 */
final class HubClient {
  private static final int MAX_REDIRECTS = 10;

  private final StoreSettings settings;
  private final HttpTransport http;

  HubClient(StoreSettings settings, HttpTransport http) {
    this.settings = settings;
    this.http = http;
  }

  /**
   * Asks the Hub about one file.
   *
   * @param repoId the repository
   * @param revision a branch, tag or commit
   * @param path the file's path in the repository
   * @return its metadata
   * @throws ModelDownloadException for every error answer, each with its own reason
   */
  HubFileMetadata head(String repoId, String revision, String path) {
    DownloadTarget target = new DownloadTarget(repoId, revision, path);
    URI uri = resolveUri(repoId, revision, path);
    String commit = null;
    String linkedEtag = null;
    long linkedSize = -1;
    for (int hop = 0; hop <= MAX_REDIRECTS; hop++) {
      HttpRequest request = http.request(uri).method("HEAD", HttpRequest.BodyPublishers.noBody()).build();
      HttpResponse<Flow.Publisher<List<ByteBuffer>>> response = http.send(request, target);
      BodyReader.discard(response.body());
      HttpHeaders h = response.headers();
      commit = commit != null ? commit : h.firstValue("X-Repo-Commit").orElse(null);
      linkedEtag = linkedEtag != null ? linkedEtag : h.firstValue("X-Linked-Etag").orElse(null);
      linkedSize = linkedSize >= 0 ? linkedSize : HttpTransport.sizeHeader(h, "X-Linked-Size", target);
      int status = response.statusCode();
      if (HttpTransport.isRedirect(status)) {
        URI next = HttpTransport.redirectTarget(uri, h, target);
        if (HttpTransport.sameOrigin(next, settings.endpoint())) {
          uri = next;
          continue;
        }
        String etag = linkedEtag != null ? linkedEtag : h.firstValue("ETag").orElse(null);
        return metadata(commit, etag, linkedSize, next, target); // a redirect's Content-Length is not the file's
      }
      if (status / 100 != 2) {
        throw http.failure(status, h, target);
      }
      String etag = linkedEtag != null ? linkedEtag : h.firstValue("ETag").orElse(null);
      long size = linkedSize >= 0 ? linkedSize : HttpTransport.sizeHeader(h, "Content-Length", target);
      return metadata(commit, etag, size, uri, target);
    }
    throw new ModelDownloadException(Reason.PROTOCOL, "more than " + MAX_REDIRECTS + " redirects for "
        + target.describe(), null);
  }

  /**
   * Downloads a file the Hub described.
   *
   * @param meta its metadata
   * @param incomplete the partial file to fill
   * @param target what it is, for messages
   * @param listener hears progress
   */
  void download(HubFileMetadata meta, Path incomplete, DownloadTarget target, DownloadListener listener) {
    http.download(meta.location(), incomplete, meta.size(), target, listener);
  }

  /** @return the resolve URL of a file, with the revision and every path segment percent-encoded */
  URI resolveUri(String repoId, String revision, String path) {
    return URI.create(settings.endpoint() + "/" + repoId + "/resolve/" + encode(revision) + "/"
        + Arrays.stream(path.split("/")).map(HubClient::encode).collect(Collectors.joining("/")));
  }

  private static HubFileMetadata metadata(String commit, String etag, long size, URI location,
      DownloadTarget target) {
    String where = target.describe();
    return new HubFileMetadata(SafePaths.checkCommit(commit, where),
        SafePaths.checkEtag(HubFileMetadata.normalizeEtag(etag), where), size, location);
  }

  private static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
