package dev.findmypic.models.face;

import dev.findmypic.core.DetectedFace;
import dev.findmypic.core.Picture;
import dev.findmypic.models.image.PictureMats;
import java.util.List;
import java.util.Objects;
import org.opencv.core.Mat;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;

/**
 * Runs another detector on a shrunken copy of large pictures: a picture whose long side exceeds {@code maxSide} is
 * resized (OpenCV {@code INTER_AREA}) so that its long side is {@code maxSide}, and the copy carries the combined
 * {@link Picture#scale()}, so the wrapped detector's boxes and landmarks still come back in the pixels of the full-size
 * upright image. Smaller pictures pass through untouched.
 *
 * <p>This is how facenet-pytorch's users make MTCNN affordable on large frames (its README's "FastMTCNN" notebook
 * resizes each frame by a {@code resize} factor before {@code MTCNN.detect} and scales the boxes back): MTCNN's image
 * pyramid starts at {@code 12 / minFaceSize} of the picture, so its cost grows with the pixel count, and a 12 MP photo
 * costs about 10 times a 1280 px one. The price is the smallest face found: about
 * {@code minFaceSize * longSide / maxSide} full-size pixels (20 px at 1280 becomes about 63 px on a 4000 px photo).
 *
 * <p>Thread-safe when the wrapped detector is; closing closes it.
 */
public final class DownscalingFaceDetector implements FaceDetector {
  private final FaceDetector detector;
  private final int maxSide;

  /**
   * Wraps a detector.
   *
   * @param detector the detector; taken over (closed by {@link #close()})
   * @param maxSide the longest side, in pixels, the detector sees
   */
  public DownscalingFaceDetector(FaceDetector detector, int maxSide) {
    this.detector = Objects.requireNonNull(detector, "detector");
    if (maxSide < 1) {
      throw new IllegalArgumentException("maxSide must be at least 1, got " + maxSide);
    }
    this.maxSide = maxSide;
  }

  @Override
  public List<DetectedFace> detect(Picture picture) {
    return detector.detect(shrink(picture));
  }

  /** @return the picture itself if it is small enough, else a copy with the long side {@code maxSide} */
  Picture shrink(Picture picture) {
    int longSide = Math.max(picture.width(), picture.height());
    if (longSide <= maxSide) {
      return picture;
    }
    double f = (double) maxSide / longSide;
    int width = (int) Math.max(1, Math.round(picture.width() * f));
    int height = (int) Math.max(1, Math.round(picture.height() * f));
    Mat full = PictureMats.rgb(picture);
    Mat small = new Mat();
    try {
      Imgproc.resize(full, small, new Size(width, height), 0, 0, Imgproc.INTER_AREA);
      byte[] rgb = new byte[width * height * 3];
      small.get(0, 0, rgb);
      // the copy's true scale per axis, from the rounded size, averaged (they differ by under one pixel)
      double scale = picture.scale() * 0.5 * ((double) width / picture.width() + (double) height / picture.height());
      return Picture.ofRgb(width, height, rgb, scale);
    } finally {
      full.release();
      small.release();
    }
  }

  @Override
  public void close() {
    detector.close();
  }
}
