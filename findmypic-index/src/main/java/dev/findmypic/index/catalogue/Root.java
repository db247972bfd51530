package dev.findmypic.index.catalogue;

import java.nio.file.Path;

/**
 * A folder whose photos the library indexes.
 *
 * @param id its id
 * @param path its absolute, normalised path
 */
public record Root(long id, Path path) {}
