package dev.findmypic.index.docs;

import java.nio.file.Path;

/** Reads the plain text of a document file. Implementations are thread-safe. */
public interface TextExtractor {
  /**
   * Tells whether this extractor reads a file, judging by its name.
   *
   * @param file the file
   * @return true if {@link #extract(Path)} should be tried on it
   */
  boolean supports(Path file);

  /**
   * Reads a file's text.
   *
   * @param file the file
   * @return its plain text, possibly empty
   * @throws DocumentException naming the file if it cannot be read (corrupt, encrypted, unsupported)
   */
  String extract(Path file);
}
