package dev.findmypic.core;

import java.time.LocalDateTime;
import java.util.Optional;

/**
 * What a photo file says about itself. Sizes are of the full-size upright image.
 *
 * @param format the decoded format in lower case, for example {@code jpeg}, {@code png}, {@code webp}
 * @param width the upright image's width in pixels
 * @param height the upright image's height in pixels
 * @param orientation the EXIF orientation tag, 1 to 8 (1 when absent); already applied to the pixels
 * @param takenAt the EXIF date taken, in the camera's local time, or null
 * @param latitude GPS latitude in degrees, or null
 * @param longitude GPS longitude in degrees, or null
 * @param camera the camera's make and model, or null
 */
public record PhotoMetadata(
    String format,
    int width,
    int height,
    int orientation,
    LocalDateTime takenAt,
    Double latitude,
    Double longitude,
    String camera) {

  /** @return the date taken, if the file records one */
  public Optional<LocalDateTime> dateTaken() {
    return Optional.ofNullable(takenAt);
  }
}
