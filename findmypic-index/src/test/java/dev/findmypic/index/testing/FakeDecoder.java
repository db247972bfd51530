package dev.findmypic.index.testing;

import dev.findmypic.core.DecodedPhoto;
import dev.findmypic.core.ImageDecodeException;
import dev.findmypic.core.PhotoDecoder;
import dev.findmypic.core.PhotoMetadata;
import dev.findmypic.core.Picture;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.concurrent.atomic.AtomicInteger;
import javax.imageio.ImageIO;

/**
 * Decodes small test images with javax.imageio. A file whose name starts with {@code yyyy-MM-dd_} gets that date
 * (noon) as its date taken; a file whose name contains {@code hang} never returns (until interrupted).
 */
public final class FakeDecoder implements PhotoDecoder {
  /** How many files were decoded. */
  public final AtomicInteger decoded = new AtomicInteger();

  @Override
  public DecodedPhoto decode(Path file, int minShortSide) {
    String name = file.getFileName().toString();
    if (name.contains("hang")) {
      try {
        Thread.sleep(Long.MAX_VALUE);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new ImageDecodeException("interrupted while decoding " + file, e);
      }
    }
    BufferedImage image;
    try {
      image = ImageIO.read(file.toFile());
    } catch (IOException | RuntimeException e) {
      throw new ImageDecodeException("cannot decode " + file + ": " + e.getMessage(), e);
    }
    if (image == null) {
      throw new ImageDecodeException("cannot decode " + file + ": not an image that javax.imageio reads");
    }
    decoded.incrementAndGet();
    int w = image.getWidth();
    int h = image.getHeight();
    byte[] rgb = new byte[w * h * 3];
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        int p = image.getRGB(x, y);
        int i = (y * w + x) * 3;
        rgb[i] = (byte) (p >> 16);
        rgb[i + 1] = (byte) (p >> 8);
        rgb[i + 2] = (byte) p;
      }
    }
    String format = name.substring(name.lastIndexOf('.') + 1).toLowerCase(java.util.Locale.ROOT);
    return new DecodedPhoto(Picture.ofRgb(w, h, rgb),
        new PhotoMetadata(format.equals("jpg") ? "jpeg" : format, w, h, 1, dateOf(name), null, null, "fake"));
  }

  private static LocalDateTime dateOf(String name) {
    if (name.length() < 11 || name.charAt(10) != '_') {
      return null;
    }
    try {
      return LocalDate.parse(name.substring(0, 10)).atTime(12, 0);
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
