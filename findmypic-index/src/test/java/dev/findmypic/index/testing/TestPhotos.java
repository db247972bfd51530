package dev.findmypic.index.testing;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/** Writes tiny PNG test photos: a background colour, a marker pixel at (0, 0) for {@link FakeOcr}, and faces. */
public final class TestPhotos {
  private TestPhotos() {}

  /**
   * A face for {@link FakeFaces}.
   *
   * @param identity 1 to 25
   * @param x left
   * @param y top
   * @param size side in pixels
   */
  public record Face(int identity, int x, int y, int size) {}

  /**
   * Writes a photo.
   *
   * @param file where; parent folders are created
   * @param background the background colour, 0xRRGGBB
   * @param marker the colour of pixel (0, 0), 0xRRGGBB, which {@link FakeOcr} keys on
   * @param faces faces to draw
   * @return the file
   */
  public static Path write(Path file, int background, int marker, Face... faces) {
    BufferedImage image = new BufferedImage(48, 40, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setColor(new Color(background));
    g.fillRect(0, 0, 48, 40);
    for (Face f : faces) {
      g.setColor(new Color(250, f.identity() * 10, 7));
      g.fillRect(f.x(), f.y(), f.size(), f.size());
    }
    g.dispose();
    image.setRGB(0, 0, marker);
    try {
      Files.createDirectories(file.getParent());
      ImageIO.write(image, "png", file.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return file;
  }
}
