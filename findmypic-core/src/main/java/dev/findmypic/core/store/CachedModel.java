package dev.findmypic.core.store;

import java.nio.file.Path;

/**
 * A model found in one of the caches.
 *
 * @param id the model id, for example {@code openai/clip-vit-base-patch32}
 * @param location its directory in the cache
 * @param bytes the bytes it takes on disk
 */
public record CachedModel(String id, Path location, long bytes) {}
