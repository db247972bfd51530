package dev.findmypic.models.image;

import java.time.LocalDateTime;

/**
 * The few EXIF fields FindMyPic keeps.
 *
 * @param orientation the orientation tag, 1 to 8 (1 when absent or invalid)
 * @param takenAt DateTimeOriginal (else DateTime), or null
 * @param latitude signed degrees, or null
 * @param longitude signed degrees, or null
 * @param make the camera maker, or null
 * @param model the camera model, or null
 */
record ExifData(int orientation, LocalDateTime takenAt, Double latitude, Double longitude, String make, String model) {
  /** No EXIF at all. */
  static final ExifData NONE = new ExifData(1, null, null, null, null, null);

  /** @return "make model" without repeating the make when the model already starts with it, or null */
  String camera() {
    if (model == null) {
      return make;
    }
    if (make == null || model.toLowerCase(java.util.Locale.ROOT).startsWith(make.toLowerCase(java.util.Locale.ROOT))) {
      return model;
    }
    return make + " " + model;
  }
}
