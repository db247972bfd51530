package dev.findmypic.models.store;

import dev.findmypic.core.ModelException;
import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * Checks names that come from a model reference or a server before they become paths, so that nothing a server sends
 * (a file name, an ETag, a commit, a redirect) can make the store write outside its cache directory.
 */
final class SafePaths {
  private static final Pattern COMMIT = Pattern.compile("[0-9a-f]{40}");
  private static final Pattern ETAG = Pattern.compile("[A-Za-z0-9_-]{8,128}");

  private SafePaths() {}

  /**
   * Resolves a relative, forward-slash path below a directory.
   *
   * @param base the directory
   * @param relative the path, for example {@code onnx/model.onnx}
   * @param what what the path names, for the message
   * @return the resolved path, inside {@code base}
   * @throws ModelException if the path is empty, absolute, or has an empty, {@code .} or {@code ..} segment
   */
  static Path resolveInside(Path base, String relative, String what) {
    checkRelative(relative, what);
    Path normalBase = base.toAbsolutePath().normalize();
    Path p = normalBase.resolve(relative).normalize();
    if (!p.startsWith(normalBase) || p.equals(normalBase)) {
      throw new ModelException("refusing " + what + " '" + relative + "': it points outside " + base);
    }
    return p;
  }

  /**
   * Checks a relative, forward-slash path.
   *
   * @param relative the path
   * @param what what the path names, for the message
   * @return the path, unchanged
   * @throws ModelException if the path is empty, absolute, or has an empty, {@code .} or {@code ..} segment
   */
  static String checkRelative(String relative, String what) {
    if (relative == null || relative.isEmpty() || relative.startsWith("/") || relative.indexOf('\\') >= 0
        || relative.indexOf('\0') >= 0 || relative.indexOf(':') >= 0) {
      throw new ModelException("refusing " + what + " '" + relative + "': not a relative path with '/' separators");
    }
    for (String segment : relative.split("/", -1)) {
      if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
        throw new ModelException("refusing " + what + " '" + relative + "': empty, '.' or '..' segment");
      }
    }
    return relative;
  }

  /**
   * @param s a revision
   * @return true if it is a full 40-hex commit hash
   */
  static boolean isCommit(String s) {
    return s != null && COMMIT.matcher(s).matches();
  }

  /**
   * Checks a commit hash sent by a server.
   *
   * @param commit the value of {@code X-Repo-Commit}
   * @param where the request, for the message
   * @return the commit
   */
  static String checkCommit(String commit, String where) {
    if (!isCommit(commit)) {
      throw new ModelException("the server sent no valid commit hash (X-Repo-Commit: '" + commit + "') for " + where
          + "; is HF_ENDPOINT a Hugging Face Hub or a mirror of it?");
    }
    return commit;
  }

  /**
   * Checks an ETag sent by a server, which becomes a blob's file name.
   *
   * @param etag the normalised ETag
   * @param where the request, for the message
   * @return the ETag
   */
  static String checkEtag(String etag, String where) {
    if (etag == null || !ETAG.matcher(etag).matches()) {
      throw new ModelException("the server sent no usable ETag ('" + etag + "') for " + where
          + "; is HF_ENDPOINT a Hugging Face Hub or a mirror of it?");
    }
    return etag;
  }
}
