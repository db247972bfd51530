package dev.findmypic.models.image;

import java.io.ByteArrayOutputStream;

/**
 * Reads a WebP's RIFF chunks: the canvas size from VP8, VP8L or VP8X, EXIF from the EXIF chunk, and, for an animated
 * file (which OpenCV's decoder refuses), the first frame rewrapped as a still WebP.
 */
final class WebpInspector {
  private static final int ANIMATION_FLAG = 0x02;

  private WebpInspector() {}

  static ImageInfo inspect(ByteReader raw) throws InvalidImage {
    ByteReader in = raw.withOrder(false);
    long end = Math.min(in.length(), 8 + in.u32(4));
    int width;
    int height;
    boolean animated = false;
    if (in.startsWith(12, "VP8X")) {
      animated = (in.u8(20) & ANIMATION_FLAG) != 0;
      width = in.u24(24) + 1;
      height = in.u24(27) + 1;
    } else {
      int[] size = bitstreamSize(in, 12);
      width = size[0];
      height = size[1];
    }
    ExifData exif = ExifData.NONE;
    ImageInfo.Frame frame = null;
    for (long pos = 12; pos + 8 <= end; pos += 8 + ((in.u32(pos + 4) + 1) & ~1L)) {
      long size = in.u32(pos + 4);
      if (in.startsWith(pos, "EXIF") && exif == ExifData.NONE) {
        long skip = in.startsWith(pos + 8, "Exif\0\0") ? 6 : 0;
        exif = ExifReader.read(in.slice(pos + 8 + skip, Math.min(size, in.length() - pos - 8) - skip));
      } else if (animated && frame == null && in.startsWith(pos, "ANMF")) {
        frame = firstFrame(in, pos + 8, Math.min(size, in.length() - pos - 8));
      }
    }
    if (animated && frame == null) {
      throw new InvalidImage("animated WebP without any frame");
    }
    return new ImageInfo(ImageFormat.WEBP, width, height, exif, frame);
  }

  /** @return width and height from a VP8 or VP8L chunk at {@code pos} */
  private static int[] bitstreamSize(ByteReader in, long pos) throws InvalidImage {
    if (in.startsWith(pos, "VP8 ")) {
      if (in.u24(pos + 11) != 0x2A019D) {
        throw new InvalidImage("damaged WebP: no VP8 start code");
      }
      return new int[] {in.u16(pos + 14) & 0x3FFF, in.u16(pos + 16) & 0x3FFF};
    }
    if (in.startsWith(pos, "VP8L")) {
      if (in.u8(pos + 8) != 0x2F) {
        throw new InvalidImage("damaged WebP: no VP8L signature");
      }
      long bits = in.u32(pos + 9);
      return new int[] {(int) (bits & 0x3FFF) + 1, (int) ((bits >> 14) & 0x3FFF) + 1};
    }
    throw new InvalidImage("damaged WebP: no VP8, VP8L or VP8X chunk");
  }

  /** Rewraps the first ANMF frame's ALPH and VP8/VP8L chunks as a standalone WebP file. */
  private static ImageInfo.Frame firstFrame(ByteReader in, long start, long size) throws InvalidImage {
    ByteReader anmf = in.slice(start, size);
    int x = anmf.u24(0) * 2;
    int y = anmf.u24(3) * 2;
    int w = anmf.u24(6) + 1;
    int h = anmf.u24(9) + 1;
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    boolean alpha = false;
    for (long pos = 16; pos + 8 <= anmf.length(); pos += 8 + ((anmf.u32(pos + 4) + 1) & ~1L)) {
      long chunk = 8 + ((anmf.u32(pos + 4) + 1) & ~1L);
      if (anmf.startsWith(pos, "ALPH") || anmf.startsWith(pos, "VP8 ") || anmf.startsWith(pos, "VP8L")) {
        alpha |= anmf.startsWith(pos, "ALPH");
        body.writeBytes(anmf.copy(pos, (int) Math.min(chunk, anmf.length() - pos)));
      }
    }
    ByteArrayOutputStream file = new ByteArrayOutputStream();
    byte[] chunks = body.toByteArray();
    int riffSize = 4 + chunks.length + (alpha ? 18 : 0);
    file.writeBytes("RIFF".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    writeLe(file, riffSize, 4);
    file.writeBytes("WEBP".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    if (alpha) {
      file.writeBytes("VP8X".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
      writeLe(file, 10, 4);
      writeLe(file, 0x10, 4); // alpha flag and three reserved bytes
      writeLe(file, w - 1, 3);
      writeLe(file, h - 1, 3);
    }
    file.writeBytes(chunks);
    return new ImageInfo.Frame(file.toByteArray(), x, y);
  }

  private static void writeLe(ByteArrayOutputStream out, long value, int bytes) {
    for (int i = 0; i < bytes; i++) {
      out.write((int) (value >> (8 * i)) & 0xFF);
    }
  }
}
