package dev.findmypic.index.docs;

import java.nio.file.Path;
import java.util.Objects;

/**
 * The text of one document, as it goes into the index.
 *
 * @param path the document's path, its identity in the index
 * @param size the file's size in bytes when the text was read (with {@code modifiedMillis}, decides whether the file
 *     changed since)
 * @param modifiedMillis the file's last-modified time in milliseconds since the epoch
 * @param text the extracted plain text; may be empty
 */
public record DocumentText(Path path, long size, long modifiedMillis, String text) {
  /** Checks that nothing is null. */
  public DocumentText {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(text, "text");
  }
}
