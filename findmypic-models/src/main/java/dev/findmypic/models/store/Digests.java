package dev.findmypic.models.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Hashes of files: sha256 (LFS files, URL files), md5 (EasyOCR) and git's blob sha1 (small Hub files). */
final class Digests {
  private static final int BUFFER = 1 << 16;

  private Digests() {}

  /** The kind of hash an expected value is. */
  enum Kind {
    /** sha256 of the content: what the Hub's ETag is for LFS files. */
    SHA256("SHA-256"),
    /** md5 of the content, as EasyOCR publishes it. */
    MD5("MD5"),
    /** sha1 of {@code "blob <size>\0"} followed by the content: git's object id, the Hub's ETag for small files. */
    GIT_SHA1("SHA-1");

    private final String algorithm;

    Kind(String algorithm) {
      this.algorithm = algorithm;
    }
  }

  /**
   * Hashes a file.
   *
   * @param kind the hash
   * @param file the file
   * @return the hash in lower-case hex
   * @throws IOException if the file cannot be read
   */
  static String hash(Kind kind, Path file) throws IOException {
    MessageDigest md = newDigest(kind.algorithm);
    if (kind == Kind.GIT_SHA1) {
      md.update(("blob " + Files.size(file) + "\0").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    }
    byte[] buf = new byte[BUFFER];
    try (InputStream in = Files.newInputStream(file)) {
      for (int n; (n = in.read(buf)) > 0; ) {
        md.update(buf, 0, n);
      }
    }
    return HexFormat.of().formatHex(md.digest());
  }

  /**
   * @param algorithm a JDK digest name
   * @return a new digest; every JDK has the three used here
   */
  static MessageDigest newDigest(String algorithm) {
    try {
      return MessageDigest.getInstance(algorithm);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK has no " + algorithm, e);
    }
  }

  /**
   * Works out which hash a Hub ETag is.
   *
   * @param etag the blob's ETag
   * @return SHA256 for 64 hex digits, GIT_SHA1 for 40, null for anything else (then only the size is checked)
   */
  static Kind kindOfEtag(String etag) {
    if (etag.matches("[0-9a-f]{64}")) {
      return Kind.SHA256;
    }
    if (etag.matches("[0-9a-f]{40}")) {
      return Kind.GIT_SHA1;
    }
    return null;
  }
}
