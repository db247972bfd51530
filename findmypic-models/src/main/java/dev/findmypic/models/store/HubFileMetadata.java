package dev.findmypic.models.store;

import java.net.URI;

/**
 * What the Hub says about one file of one revision, from its {@code HEAD} answer.
 *
 * @param commit the commit the revision points at ({@code X-Repo-Commit})
 * @param etag the blob's id ({@code X-Linked-Etag}, else {@code ETag}), without quotes or {@code W/}: the sha256 for
 *     LFS files, git's blob id otherwise
 * @param size the file's size ({@code X-Linked-Size}, else {@code Content-Length}), or -1 if not given
 * @param location where to GET the bytes: the resolve URL, or the CDN URL it redirects to
 */
record HubFileMetadata(String commit, String etag, long size, URI location) {
  /**
   * @param raw an ETag header value
   * @return it without a weak {@code W/} prefix and quotes
   */
  static String normalizeEtag(String raw) {
    if (raw == null) {
      return null;
    }
    String e = raw.trim();
    if (e.startsWith("W/")) {
      e = e.substring(2);
    }
    if (e.length() >= 2 && e.startsWith("\"") && e.endsWith("\"")) {
      e = e.substring(1, e.length() - 1);
    }
    return e;
  }
}
