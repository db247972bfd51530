package dev.findmypic.models.face;

import dev.findmypic.core.DetectedFace;
import dev.findmypic.core.Picture;
import dev.findmypic.core.testing.SharedData;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.opencv.core.Mat;
import org.opencv.core.MatOfByte;
import org.opencv.core.MatOfInt;
import org.opencv.imgcodecs.Imgcodecs;
import org.opencv.imgproc.Imgproc;

/**
 * The face fixtures of {@code ../shared/fixtures/faces} with their hand-counted labels, decoded by OpenCV (which
 * applies the EXIF orientation), and the count statistics the detector tests report.
 */
public final class FaceFixtures {
  private FaceFixtures() {}

  static {
    nu.pattern.OpenCV.loadLocally();
  }

  /**
   * One row of {@code labels.csv}.
   *
   * @param path the path under {@code fixtures/faces}
   * @param faceCount faces counted by eye
   * @param notes the row's notes
   */
  public record Label(String path, int faceCount, String notes) {}

  /** @return every row of {@code fixtures/faces/labels.csv} */
  public static List<Label> labels() {
    try {
      List<String> lines = Files.readAllLines(SharedData.path("fixtures/faces/labels.csv"));
      List<Label> labels = new ArrayList<>();
      for (String line : lines.subList(1, lines.size())) {
        String[] cells = line.split(",", 4);
        labels.add(new Label(cells[0], Integer.parseInt(cells[1]), cells.length > 3 ? cells[3] : ""));
      }
      return labels;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Decodes a shared image with OpenCV.
   *
   * @param relative the path under {@code ../shared}
   * @param flags {@code Imgcodecs.IMREAD_*} flags
   * @return the RGB picture
   */
  public static Picture read(String relative, int flags) {
    Mat image = readMat(relative, flags);
    Picture picture = toPicture(image, 1.0);
    image.release();
    return picture;
  }

  /**
   * Decodes a face fixture upright in 8-bit colour.
   *
   * @param path the path under {@code fixtures/faces}
   * @return the picture
   */
  public static Picture face(String path) {
    return read("fixtures/faces/" + path, Imgcodecs.IMREAD_COLOR);
  }

  /**
   * Converts an OpenCV image of 1, 3 or 4 channels (grey, BGR, BGRA) to an RGB picture.
   *
   * @param image the image, 8-bit
   * @param scale the picture's scale relative to the full-size image
   * @return the picture
   */
  public static Picture toPicture(Mat image, double scale) {
    Mat rgb = new Mat();
    int code = switch (image.channels()) {
      case 1 -> Imgproc.COLOR_GRAY2RGB;
      case 4 -> Imgproc.COLOR_BGRA2RGB;
      default -> Imgproc.COLOR_BGR2RGB;
    };
    Imgproc.cvtColor(image, rgb, code);
    byte[] bytes = new byte[(int) (rgb.total() * 3)];
    rgb.get(0, 0, bytes);
    Picture picture = Picture.ofRgb(rgb.cols(), rgb.rows(), bytes, scale);
    rgb.release();
    return picture;
  }

  /**
   * Decodes a shared image with OpenCV, keeping its channels.
   *
   * @param relative the path under {@code ../shared}
   * @param flags {@code Imgcodecs.IMREAD_*} flags
   * @return the image
   */
  public static Mat readMat(String relative, int flags) {
    Path file = SharedData.path(relative);
    Mat image = Imgcodecs.imread(file.toString(), flags);
    if (image.empty()) {
      throw new AssertionError("OpenCV cannot decode " + file);
    }
    return image;
  }

  /**
   * Encodes an image as JPEG with an EXIF APP1 segment that holds only an orientation tag, as a camera writes it.
   *
   * @param stored the pixels as stored in the file
   * @param orientation the EXIF orientation, 1 to 8
   * @return the JPEG bytes
   */
  public static byte[] jpegWithOrientation(Mat stored, int orientation) {
    MatOfByte encoded = new MatOfByte();
    Imgcodecs.imencode(".jpg", stored, encoded, new MatOfInt(Imgcodecs.IMWRITE_JPEG_QUALITY, 95));
    byte[] jpeg = encoded.toArray();
    byte[] app1 = {
        (byte) 0xFF, (byte) 0xE1, 0, 34, 'E', 'x', 'i', 'f', 0, 0,
        'M', 'M', 0, 42, 0, 0, 0, 8,
        0, 1, 0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, (byte) orientation, 0, 0,
        0, 0, 0, 0};
    byte[] out = new byte[jpeg.length + app1.length];
    System.arraycopy(jpeg, 0, out, 0, 2);
    System.arraycopy(app1, 0, out, 2, app1.length);
    System.arraycopy(jpeg, 2, out, 2 + app1.length, jpeg.length - 2);
    return out;
  }

  /**
   * Precision and recall of face counts: per photo, min(found, expected) faces count as right.
   *
   * @param found faces found over all photos
   * @param expected faces expected over all photos
   * @param right the sum of min(found, expected)
   * @param exactPhotos photos whose count is exactly right
   * @param photos photos seen
   */
  public record CountStats(int found, int expected, int right, int exactPhotos, int photos) {
    /** @return right / found */
    public double precision() {
      return found == 0 ? 1.0 : (double) right / found;
    }

    /** @return right / expected */
    public double recall() {
      return expected == 0 ? 1.0 : (double) right / expected;
    }

    @Override
    public String toString() {
      return String.format("photos %d, exact counts %d, faces expected %d, found %d, precision %.4f, recall %.4f",
          photos, exactPhotos, expected, found, precision(), recall());
    }
  }

  /**
   * Runs a detector over labelled photos and counts.
   *
   * @param labels the photos
   * @param detector the detector
   * @param mismatches receives "path: expected N, found M" for every photo whose count differs
   * @return the statistics
   */
  public static CountStats countStats(List<Label> labels, Function<Picture, List<DetectedFace>> detector,
      List<String> mismatches) {
    int found = 0;
    int expected = 0;
    int right = 0;
    int exact = 0;
    for (Label label : labels) {
      int n = detector.apply(face(label.path())).size();
      found += n;
      expected += label.faceCount();
      right += Math.min(n, label.faceCount());
      if (n == label.faceCount()) {
        exact++;
      } else {
        mismatches.add(label.path() + ": expected " + label.faceCount() + ", found " + n);
      }
    }
    return new CountStats(found, expected, right, exact, labels.size());
  }
}
