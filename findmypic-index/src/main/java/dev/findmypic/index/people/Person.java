package dev.findmypic.index.people;

/**
 * A person known to a {@link FaceGallery}.
 *
 * @param name the name given at enrolment
 * @param references how many reference faces of the current face model the person has; 0 when all were enrolled
 *     with another model (enrol again to identify them)
 */
public record Person(String name, int references) {}
