package dev.findmypic.index.catalogue;

import java.nio.file.Path;

/**
 * A file on disk as the catalogue identifies it.
 *
 * @param rootId the root it was found under
 * @param path its absolute, normalised path
 * @param size its size in bytes
 * @param mtime its last-modified time in milliseconds since the epoch
 * @param contentHash the hex SHA-256 of its content, or null when not yet known
 */
public record FileRef(long rootId, Path path, long size, long mtime, String contentHash) {}
