package dev.findmypic.core;

import java.nio.file.Path;

/**
 * Decodes photo files into upright RGB {@link Picture}s with their metadata.
 *
 * <p>Contract: the EXIF orientation is applied; a file that cannot be decoded safely (corrupt, truncated,
 * unsupported, or a decompression bomb) throws {@link ImageDecodeException} naming the file and the cause, and never
 * crashes the JVM. Thread-safe.
 */
public interface PhotoDecoder {
  /**
   * Decodes a photo.
   *
   * @param file the file
   * @param minShortSide the smallest short side, in pixels, that the caller needs; the decoder may decode at a reduced
   *     scale as long as the short side stays at least this large. 0 asks for full size.
   * @return the pixels and metadata
   * @throws ImageDecodeException if the file cannot be decoded
   */
  DecodedPhoto decode(Path file, int minShortSide);
}
