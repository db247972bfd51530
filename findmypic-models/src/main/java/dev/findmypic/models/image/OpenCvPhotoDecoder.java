package dev.findmypic.models.image;

import dev.findmypic.core.DecodedPhoto;
import dev.findmypic.core.ImageDecodeException;
import dev.findmypic.core.PhotoDecoder;
import dev.findmypic.core.PhotoMetadata;
import dev.findmypic.core.Picture;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.MatOfByte;
import org.opencv.core.Rect;
import org.opencv.imgcodecs.Imgcodecs;

/**
 * Decodes JPEG, PNG, GIF (first frame), BMP, WebP (first frame of an animation) and TIFF (first page) into upright
 * 8-bit RGB with OpenCV, after checking the file's structure itself.
 *
 * <p>Before any native decoding, the file's header is read in Java: the format comes from its magic bytes (never the
 * name), a declared size over the pixel limit (a decompression bomb) is refused before anything is allocated, and a
 * JPEG or PNG that is cut short is refused (libjpeg would return a grey-padded partial image). The EXIF orientation
 * is read by FindMyPic's own EXIF parser and applied to the pixels for every format that carries it (JPEG APP1, PNG
 * eXIf, WebP EXIF, TIFF IFD0), OpenCV's own orientation handling being switched off.
 *
 * <p>Conversions: grayscale and paletted images become RGB; 16-bit samples are scaled to 8 bits; CMYK JPEG and TIFF
 * are converted by the decoder; an alpha channel (PNG, WebP) is composited over white, and so are a GIF's transparent
 * pixels; TIFF alpha is dropped. A JPEG is decoded at 1/2, 1/4 or 1/8 scale (libjpeg's DCT scaling) when the
 * caller's {@code minShortSide} allows it.
 *
 * <p>Not supported, with an {@link ImageDecodeException} that says so: HEIC/HEIF and AVIF (the OpenCV build in
 * {@code org.openpnp:opencv} has no HEIF or AVIF codec), JPEG with 12-bit samples, and files over 1 GiB.
 */
public final class OpenCvPhotoDecoder implements PhotoDecoder {
  /** The default limit on width × height: 100 megapixels. */
  public static final long DEFAULT_MAX_PIXELS = 100_000_000L;

  private static final long MAX_FILE_BYTES = 1L << 30;

  private final long maxPixels;

  /** Creates a decoder with the default 100-megapixel limit. */
  public OpenCvPhotoDecoder() {
    this(DEFAULT_MAX_PIXELS);
  }

  /**
   * Creates a decoder with a pixel limit.
   *
   * @param maxPixels the largest width × height decoded; larger files are refused as decompression bombs
   */
  public OpenCvPhotoDecoder(long maxPixels) {
    if (maxPixels < 1) {
      throw new IllegalArgumentException("maxPixels must be positive, got " + maxPixels);
    }
    this.maxPixels = maxPixels;
    OpenCvNatives.ensureLoaded();
  }

  @Override
  public DecodedPhoto decode(Path file, int minShortSide) {
    byte[] data = read(file);
    try {
      return decode(data, minShortSide);
    } catch (InvalidImage e) {
      throw new ImageDecodeException("cannot decode " + file + ": " + e.getMessage());
    } catch (RuntimeException e) {
      throw new ImageDecodeException("cannot decode " + file + ": " + e, e);
    }
  }

  private static byte[] read(Path file) {
    try {
      long size = Files.size(file);
      if (size == 0) {
        throw new ImageDecodeException("cannot decode " + file + ": the file is empty (zero bytes)");
      }
      if (size > MAX_FILE_BYTES) {
        throw new ImageDecodeException("cannot decode " + file + ": " + size + " bytes is over the 1 GiB limit");
      }
      return Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      throw new ImageDecodeException("cannot decode " + file + ": no such file", e);
    } catch (IOException e) {
      throw new ImageDecodeException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  private DecodedPhoto decode(byte[] data, int minShortSide) throws InvalidImage {
    ImageInfo info = inspect(new ByteReader(data, 0, data.length, true));
    long pixels = (long) info.width() * info.height();
    if (pixels > maxPixels) {
      throw new InvalidImage("declares " + info.width() + "x" + info.height() + " (" + pixels
          + " pixels), over the limit of " + maxPixels + " pixels (a decompression bomb?)");
    }
    int factor = info.format() == ImageFormat.JPEG ? reduction(info, minShortSide) : 1;
    Mat rgb = switch (info.format()) {
      case GIF -> wrap(GifDecoder.decodeFirstFrame(data, info, maxPixels), info.width(), info.height());
      case WEBP -> info.firstFrame() != null ? animationFrame(info) : nativeDecode(data, Imgcodecs.IMREAD_UNCHANGED);
      case PNG -> nativeDecode(data, Imgcodecs.IMREAD_UNCHANGED);
      default -> nativeDecode(data, colorFlags(factor) | Imgcodecs.IMREAD_IGNORE_ORIENTATION);
    };
    int orientation = info.exif().orientation();
    rgb = Orientation.apply(rgb, orientation);
    try {
      byte[] bytes = new byte[(int) (rgb.total() * 3)];
      rgb.get(0, 0, bytes);
      Picture picture = Picture.ofRgb(rgb.cols(), rgb.rows(), bytes, 1.0 / factor);
      boolean swap = Orientation.swapsAxes(orientation);
      ExifData exif = info.exif();
      PhotoMetadata metadata = new PhotoMetadata(info.format().key(), swap ? info.height() : info.width(),
          swap ? info.width() : info.height(), orientation, exif.takenAt(), exif.latitude(), exif.longitude(),
          exif.camera());
      return new DecodedPhoto(picture, metadata);
    } finally {
      rgb.release();
    }
  }

  static ImageInfo inspect(ByteReader in) throws InvalidImage {
    ImageFormat format = ImageFormat.detect(in);
    return switch (format) {
      case JPEG -> JpegInspector.inspect(in);
      case PNG -> PngInspector.inspect(in);
      case GIF -> GifInspector.inspect(in);
      case BMP -> BmpInspector.inspect(in);
      case WEBP -> WebpInspector.inspect(in);
      case TIFF -> TiffInspector.inspect(in);
      case HEIF, AVIF -> throw new InvalidImage(format.name() + " images are not supported: the OpenCV build in use "
          + "has no " + format.name() + " codec (libheif/libavif); convert the file to JPEG to index it");
      case UNKNOWN -> throw new InvalidImage("not an image in a known format (JPEG, PNG, GIF, BMP, WebP, TIFF)");
    };
  }

  /** @return 8, 4, 2 or 1: the largest JPEG scale-down that keeps the short side at least {@code minShortSide} */
  private static int reduction(ImageInfo info, int minShortSide) {
    if (minShortSide <= 0) {
      return 1;
    }
    int shortSide = Math.min(info.width(), info.height());
    for (int f = 8; f > 1; f /= 2) {
      if (shortSide / f >= minShortSide) {
        return f;
      }
    }
    return 1;
  }

  private static int colorFlags(int factor) {
    return switch (factor) {
      case 8 -> Imgcodecs.IMREAD_REDUCED_COLOR_8;
      case 4 -> Imgcodecs.IMREAD_REDUCED_COLOR_4;
      case 2 -> Imgcodecs.IMREAD_REDUCED_COLOR_2;
      default -> Imgcodecs.IMREAD_COLOR;
    };
  }

  private static Mat nativeDecode(byte[] data, int flags) throws InvalidImage {
    MatOfByte buffer = new MatOfByte(data);
    Mat decoded = Imgcodecs.imdecode(buffer, flags);
    buffer.release();
    if (decoded.empty()) {
      decoded.release();
      throw new InvalidImage("the decoder rejected the data (corrupt or truncated)");
    }
    return PixelConversion.toRgb(decoded);
  }

  private static Mat wrap(byte[] rgb, int width, int height) {
    Mat m = new Mat(height, width, CvType.CV_8UC3);
    m.put(0, 0, rgb);
    return m;
  }

  /** Decodes an animation's first frame and places it on a white canvas of the animation's size. */
  private static Mat animationFrame(ImageInfo info) throws InvalidImage {
    ImageInfo.Frame frame = info.firstFrame();
    Mat pixels = nativeDecode(frame.encoded(), Imgcodecs.IMREAD_UNCHANGED);
    Mat canvas = new Mat(info.height(), info.width(), CvType.CV_8UC3, PixelConversion.white());
    int w = Math.min(pixels.cols(), info.width() - frame.x());
    int h = Math.min(pixels.rows(), info.height() - frame.y());
    if (w > 0 && h > 0) {
      Mat target = canvas.submat(new Rect(frame.x(), frame.y(), w, h));
      pixels.submat(new Rect(0, 0, w, h)).copyTo(target);
      target.release();
    }
    pixels.release();
    return canvas;
  }
}
