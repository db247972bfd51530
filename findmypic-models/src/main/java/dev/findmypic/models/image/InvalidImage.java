package dev.findmypic.models.image;

/** A file's structure says it cannot or must not be decoded; the message is the reason, without the file name. */
class InvalidImage extends Exception {
  InvalidImage(String reason) {
    super(reason, null, false, false);
  }
}
