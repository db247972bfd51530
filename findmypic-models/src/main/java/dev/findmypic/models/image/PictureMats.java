package dev.findmypic.models.image;

import dev.findmypic.core.Picture;
import java.nio.ByteBuffer;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.imgproc.Imgproc;

/**
 * Copies a {@link Picture} into an OpenCV {@link Mat}: one native matrix, filled a band of rows at a time, so that no
 * whole-picture copy is made on the Java heap and no second native matrix for the colour conversion (which runs in
 * place). For a 2000x1500 picture that is 9 MB of heap garbage and 9 MB of native memory less per call than copying
 * the whole array, then converting into a new matrix.
 */
public final class PictureMats {
  /** Bytes copied per band: large enough that the per-call overhead vanishes, small enough to stay in cache. */
  private static final int BAND_BYTES = 1 << 18;

  private PictureMats() {}

  /**
   * Copies a picture into a new 8-bit, 3-channel matrix in RGB order.
   *
   * @param picture the picture
   * @return the matrix, {@code height x width}; the caller releases it
   */
  public static Mat rgb(Picture picture) {
    OpenCvNatives.ensureLoaded();
    int rowBytes = picture.width() * 3;
    Mat mat = new Mat(picture.height(), picture.width(), CvType.CV_8UC3);
    ByteBuffer pixels = picture.rgb();
    int rowsPerBand = Math.max(1, BAND_BYTES / rowBytes);
    byte[] band = new byte[Math.min(picture.height(), rowsPerBand) * rowBytes];
    for (int row = 0; row < picture.height(); row += rowsPerBand) {
      int length = Math.min(rowsPerBand, picture.height() - row) * rowBytes;
      pixels.get(band, 0, length);
      mat.put(row, 0, band, 0, length);
    }
    return mat;
  }

  /**
   * Copies a picture into a new 8-bit, 3-channel matrix in BGR order, as OpenCV's models expect.
   *
   * @param picture the picture
   * @return the matrix, {@code height x width}; the caller releases it
   */
  public static Mat bgr(Picture picture) {
    Mat mat = rgb(picture);
    Imgproc.cvtColor(mat, mat, Imgproc.COLOR_RGB2BGR);
    return mat;
  }
}
