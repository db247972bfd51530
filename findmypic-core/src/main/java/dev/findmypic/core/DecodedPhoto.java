package dev.findmypic.core;

/**
 * A photo decoded once for every analyser: the upright pixels and the file's metadata.
 *
 * @param picture the upright pixels, possibly at a reduced scale (see {@link Picture#scale()})
 * @param metadata what the file says about itself
 */
public record DecodedPhoto(Picture picture, PhotoMetadata metadata) {}
