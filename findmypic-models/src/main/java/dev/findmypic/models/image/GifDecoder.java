package dev.findmypic.models.image;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * Decodes a GIF's first frame with the JDK's reader (OpenCV 4.9 has no GIF decoder) and draws it on a white canvas of
 * the logical screen's size, clipping a frame that reaches beyond the screen.
 */
final class GifDecoder {
  private GifDecoder() {}

  /**
   * @param data the file
   * @param info its header
   * @param maxPixels the largest frame decoded
   * @return RGB bytes of {@code info.width() x info.height()} pixels
   */
  static byte[] decodeFirstFrame(byte[] data, ImageInfo info, long maxPixels) throws InvalidImage {
    GifInspector.FirstFrame where = GifInspector.firstFrame(new ByteReader(data, 0, data.length, false));
    if ((long) where.width() * where.height() > maxPixels) {
      throw new InvalidImage("GIF frame declares " + where.width() + "x" + where.height()
          + ", over the limit of " + maxPixels + " pixels (a decompression bomb?)");
    }
    try (ImageInputStream stream = ImageIO.createImageInputStream(new ByteArrayInputStream(data))) {
      Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName("gif");
      if (!readers.hasNext()) {
        throw new InvalidImage("no GIF reader in this JVM");
      }
      ImageReader reader = readers.next();
      try {
        reader.setInput(stream, true, true);
        BufferedImage frame = reader.read(0);
        BufferedImage canvas = new BufferedImage(info.width(), info.height(), BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = canvas.createGraphics();
        try {
          g.setColor(java.awt.Color.WHITE);
          g.fillRect(0, 0, info.width(), info.height());
          g.drawImage(frame, where.x(), where.y(), null);
        } finally {
          g.dispose();
        }
        byte[] bgr = ((DataBufferByte) canvas.getRaster().getDataBuffer()).getData();
        for (int i = 0; i < bgr.length; i += 3) {
          byte b = bgr[i];
          bgr[i] = bgr[i + 2];
          bgr[i + 2] = b;
        }
        return bgr;
      } finally {
        reader.dispose();
      }
    } catch (IOException | RuntimeException e) {
      throw new InvalidImage("damaged GIF: " + e);
    }
  }
}
