package dev.findmypic.index;

import java.nio.file.Path;

/**
 * A file that could not be indexed.
 *
 * @param path the file
 * @param reason the cause, starting with the exception's simple name (for example {@code ImageDecodeException: ...}
 *     or {@code timed out after 60 s})
 */
public record FileFailure(Path path, String reason) {}
