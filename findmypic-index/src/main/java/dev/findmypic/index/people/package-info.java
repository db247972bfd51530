/**
 * "Which known person is this": {@link dev.findmypic.index.people.FaceGallery}, a small gallery of named reference
 * faces kept in the data directory ({@value dev.findmypic.index.people.FaceGallery#FILE_NAME}), and the nearest-person
 * decision with the face recogniser's calibrated threshold. A host application gets it from
 * {@link dev.findmypic.index.PhotoLibrary#people()}.
 */
package dev.findmypic.index.people;
