package dev.findmypic.models.image;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * Reads orientation, date taken, GPS position and camera from a TIFF-structured EXIF block. It follows only the
 * pointers from IFD0 to the EXIF and GPS directories (never a chain), checks every offset, and reads strings of a
 * bounded length, so a hostile block can neither loop nor make it allocate much. A damaged block yields whatever
 * could be read, never an exception.
 */
final class ExifReader {
  private static final int ORIENTATION = 0x0112;
  private static final int MAKE = 0x010F;
  private static final int MODEL = 0x0110;
  private static final int DATE_TIME = 0x0132;
  private static final int EXIF_IFD = 0x8769;
  private static final int GPS_IFD = 0x8825;
  private static final int DATE_TIME_ORIGINAL = 0x9003;
  private static final int GPS_LATITUDE_REF = 1;
  private static final int GPS_LATITUDE = 2;
  private static final int GPS_LONGITUDE_REF = 3;
  private static final int GPS_LONGITUDE = 4;
  private static final int MAX_TEXT = 128;
  private static final DateTimeFormatter EXIF_DATE = DateTimeFormatter.ofPattern("yyyy:MM:dd HH:mm:ss");

  private ExifReader() {}

  /**
   * Reads a TIFF structure (starting with {@code II*\0}, {@code MM\0*} or their BigTIFF forms).
   *
   * @param tiff the block, for example the APP1 payload after {@code Exif\0\0}
   * @return what could be read; {@link ExifData#NONE} if nothing
   */
  static ExifData read(ByteReader tiff) {
    TiffHeader header;
    TiffDirectory ifd0;
    try {
      header = TiffHeader.read(tiff);
      ifd0 = TiffDirectory.read(header.data(), header.firstIfd(), header.big());
    } catch (ByteReader.Truncated e) {
      return ExifData.NONE;
    }
    int orientation = (int) orNull(() -> ifd0.integer(ORIENTATION, 1), 1L).longValue();
    if (orientation < 1 || orientation > 8) {
      orientation = 1;
    }
    String make = orNull(() -> ifd0.text(MAKE, MAX_TEXT), null);
    String model = orNull(() -> ifd0.text(MODEL, MAX_TEXT), null);
    TiffDirectory exif = subDirectory(header, ifd0, EXIF_IFD);
    String date = exif == null ? null : orNull(() -> exif.text(DATE_TIME_ORIGINAL, MAX_TEXT), null);
    if (date == null) {
      date = orNull(() -> ifd0.text(DATE_TIME, MAX_TEXT), null);
    }
    TiffDirectory gps = subDirectory(header, ifd0, GPS_IFD);
    Double lat = gps == null ? null : coordinate(gps, GPS_LATITUDE, GPS_LATITUDE_REF, 'S', 90);
    Double lon = gps == null ? null : coordinate(gps, GPS_LONGITUDE, GPS_LONGITUDE_REF, 'W', 180);
    if (lat == null || lon == null) {
      lat = null;
      lon = null;
    }
    return new ExifData(orientation, parseDate(date), lat, lon, make, model);
  }

  private static TiffDirectory subDirectory(TiffHeader header, TiffDirectory ifd0, int pointerTag) {
    return orNull(() -> {
      long offset = ifd0.integer(pointerTag, -1);
      return offset <= 0 ? null : TiffDirectory.read(header.data(), offset, header.big());
    }, null);
  }

  private static Double coordinate(TiffDirectory gps, int valueTag, int refTag, char negative, double limit) {
    double[] dms = orNull(() -> gps.rationals(valueTag, 3), null);
    if (dms == null) {
      return null;
    }
    double degrees = dms[0] + dms[1] / 60 + dms[2] / 3600;
    if (!Double.isFinite(degrees) || degrees > limit) {
      return null;
    }
    String ref = orNull(() -> gps.text(refTag, 2), null);
    return ref != null && Character.toUpperCase(ref.charAt(0)) == negative ? -degrees : degrees;
  }

  static LocalDateTime parseDate(String text) {
    if (text == null || text.length() < 19) {
      return null;
    }
    try {
      return LocalDateTime.parse(text.substring(0, 19), EXIF_DATE);
    } catch (DateTimeParseException e) {
      return null; // cameras write "0000:00:00 00:00:00" or blanks when the clock was not set
    }
  }

  private interface Read<T> {
    T get() throws ByteReader.Truncated;
  }

  private static <T> T orNull(Read<T> read, T fallback) {
    try {
      T value = read.get();
      return value == null ? fallback : value;
    } catch (ByteReader.Truncated e) {
      return fallback;
    }
  }
}
