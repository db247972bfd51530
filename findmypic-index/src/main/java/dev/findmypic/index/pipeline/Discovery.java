package dev.findmypic.index.pipeline;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds the photo files under a root: regular files whose extension names an image format, in hidden folders or not
 * hidden themselves, without following symbolic links. Other files are not photos as far as the library is
 * concerned (documents are the document indexer's). HEIC and AVIF are listed so that a decoder that cannot read them
 * records why, instead of the files silently missing.
 */
final class Discovery {
  static final Set<String> EXTENSIONS = Set.of(
      "jpg", "jpeg", "jpe", "png", "gif", "bmp", "webp", "tif", "tiff", "heic", "heif", "avif", "avifs");
  private static final Logger LOG = LoggerFactory.getLogger(Discovery.class);

  /**
   * A photo file found on disk.
   *
   * @param path absolute, normalised
   * @param size bytes
   * @param mtime milliseconds since the epoch
   */
  record Found(Path path, long size, long mtime) {}

  private Discovery() {}

  /**
   * Lists the photos under a root.
   *
   * @param root the root folder
   * @return the photos, or empty when the root is not a readable folder (unmounted, say), in which case nothing of it
   *     may be taken as gone
   */
  static Optional<List<Found>> walk(Path root) throws IOException {
    List<Found> found = new ArrayList<>();
    if (!Files.isDirectory(root)) {
      LOG.warn("root {} is not a folder (unmounted or deleted?); its files are kept", root);
      return Optional.empty();
    }
    Files.walkFileTree(root, new SimpleFileVisitor<>() {
      @Override
      public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
        return !dir.equals(root) && isHidden(dir) ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
        if (attrs.isRegularFile() && !isHidden(file) && isPhoto(file)) {
          found.add(new Found(file, attrs.size(), attrs.lastModifiedTime().toMillis()));
        }
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult visitFileFailed(Path file, IOException e) {
        LOG.warn("cannot read {}: {}", file, e.toString());
        return FileVisitResult.CONTINUE;
      }
    });
    return Optional.of(found);
  }

  private static boolean isHidden(Path p) {
    Path name = p.getFileName();
    return name != null && name.toString().startsWith(".");
  }

  static boolean isPhoto(Path file) {
    String name = file.getFileName().toString();
    int dot = name.lastIndexOf('.');
    return dot > 0 && EXTENSIONS.contains(name.substring(dot + 1).toLowerCase(Locale.ROOT));
  }
}
