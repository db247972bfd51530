package dev.findmypic.index.people;

import dev.findmypic.core.BoundingBox;

/**
 * A face of a photo and who it is.
 *
 * @param box where the face is, in the pixels of the full-size upright photo
 * @param identification who it is, or that it is unknown
 */
public record IdentifiedFace(BoundingBox box, Identification identification) {}
