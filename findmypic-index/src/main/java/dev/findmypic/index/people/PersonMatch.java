package dev.findmypic.index.people;

/**
 * How close a face is to one enrolled person: the distance to that person's nearest reference face.
 *
 * @param person the person's name
 * @param distance the recogniser's distance to the person's nearest reference (smaller is more alike)
 * @param referenceId the id of that reference ({@link EnrolledFace#id()})
 */
public record PersonMatch(String person, double distance, long referenceId) {}
