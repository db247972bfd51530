package dev.findmypic.index.people;

import dev.findmypic.core.BoundingBox;
import java.time.Instant;

/**
 * A reference face of a person in a {@link FaceGallery}.
 *
 * @param id the reference's id, stable for the life of the gallery
 * @param person the person's name
 * @param source where the face came from (a photo's path, or what the caller said), or null
 * @param box where the face is in its source photo, in full-size upright pixels, or null when enrolled as a vector
 * @param modelKey the key ({@code id@revision}) of the face model whose vector this is; only references of the
 *     library's current model take part in identification
 * @param enrolled when it was added
 */
public record EnrolledFace(long id, String person, String source, BoundingBox box, String modelKey,
    Instant enrolled) {}
