package dev.findmypic.index.catalogue;

import dev.findmypic.core.DetectedFace;

/**
 * A detected face with its embedding, as stored.
 *
 * @param face the detection, in full-size upright pixels
 * @param embedding its unit vector
 */
public record FaceRecord(DetectedFace face, float[] embedding) {}
