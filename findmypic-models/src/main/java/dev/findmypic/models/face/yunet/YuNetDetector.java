package dev.findmypic.models.face.yunet;

import dev.findmypic.core.BoundingBox;
import dev.findmypic.core.DetectedFace;
import dev.findmypic.core.InferenceException;
import dev.findmypic.core.ModelException;
import dev.findmypic.core.Picture;
import dev.findmypic.core.Point;
import dev.findmypic.models.image.PictureMats;
import dev.findmypic.models.face.FaceDetector;
import dev.findmypic.models.image.OpenCvNatives;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.opencv.core.CvException;
import org.opencv.core.Mat;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;
import org.opencv.objdetect.FaceDetectorYN;

/**
 * The YuNet face detector (OpenCV Zoo, {@code face_detection_yunet_2023mar.onnx} layout) run by OpenCV's
 * {@link FaceDetectorYN}: a few hundred kilobytes, fast on a CPU, boxes plus five landmarks.
 *
 * <p>The picture is scaled so that its long side is at most {@link YuNetOptions#maxSide()} and its short side at least
 * {@link YuNetOptions#minSide()}; boxes and landmarks are mapped back to the full-size upright image (also undoing
 * {@link Picture#scale()}). Landmarks come in {@link DetectedFace}'s order: the eye on the picture's left first.
 *
 * <p>Thread-safe: OpenCV's detector keeps its input size as state, so calls are serialised; open one detector per
 * thread for parallel work. OpenCV's Java API has no explicit release for the network: {@link #close()} makes the
 * detector unusable and the native network is freed when it is garbage-collected.
 */
public final class YuNetDetector implements FaceDetector {
  private static final int ROW_FLOATS = 15;

  private final FaceDetectorYN detector;
  private final YuNetOptions options;
  private boolean closed;

  private YuNetDetector(FaceDetectorYN detector, YuNetOptions options) {
    this.detector = detector;
    this.options = options;
  }

  /**
   * Opens a YuNet ONNX model.
   *
   * @param model the {@code .onnx} file
   * @param options thresholds and input sizes
   * @return the detector
   * @throws ModelException if the file is missing or OpenCV cannot load it
   */
  public static YuNetDetector open(Path model, YuNetOptions options) {
    Objects.requireNonNull(options, "options");
    if (!Files.isRegularFile(model)) {
      throw new ModelException("YuNet model not found: " + model.toAbsolutePath()
          + " (expected OpenCV Zoo's face_detection_yunet_2023mar.onnx)");
    }
    OpenCvNatives.ensureLoaded();
    try {
      FaceDetectorYN detector = FaceDetectorYN.create(model.toAbsolutePath().toString(), "", new Size(320, 320),
          options.scoreThreshold(), options.nmsThreshold(), options.topK());
      return new YuNetDetector(detector, options);
    } catch (CvException e) {
      throw new ModelException("OpenCV cannot load the YuNet model " + model.toAbsolutePath() + ": "
          + e.getMessage(), e);
    }
  }

  @Override
  public synchronized List<DetectedFace> detect(Picture picture) {
    if (closed) {
      throw new IllegalStateException("YuNetDetector is closed");
    }
    double resize = resizeFactor(picture.width(), picture.height());
    Mat input = toBgr(picture, resize);
    Mat faces = new Mat();
    try {
      detector.setInputSize(input.size());
      detector.detect(input, faces);
      return toFaces(faces, 1.0 / (resize * picture.scale()));
    } catch (CvException e) {
      throw new InferenceException("YuNet failed on a " + picture + ": " + e.getMessage(), e);
    } finally {
      input.release();
      faces.release();
    }
  }

  /** The factor from picture pixels to network pixels. */
  double resizeFactor(int width, int height) {
    int longSide = Math.max(width, height);
    int shortSide = Math.min(width, height);
    if (longSide > options.maxSide()) {
      return (double) options.maxSide() / longSide;
    }
    if (shortSide < options.minSide()) {
      return Math.min((double) options.minSide() / shortSide, (double) options.maxSide() / longSide);
    }
    return 1.0;
  }

  private static Mat toBgr(Picture picture, double resize) {
    Mat bgr = PictureMats.bgr(picture);
    if (resize == 1.0) {
      return bgr;
    }
    Mat resized = new Mat();
    Size size = new Size(Math.max(1, Math.round(picture.width() * resize)),
        Math.max(1, Math.round(picture.height() * resize)));
    Imgproc.resize(bgr, resized, size, 0, 0, resize < 1 ? Imgproc.INTER_AREA : Imgproc.INTER_LINEAR);
    bgr.release();
    return resized;
  }

  /** Reads OpenCV's N×15 result (x, y, w, h, 5 landmark pairs, score) into faces in full-size pixels. */
  private static List<DetectedFace> toFaces(Mat faces, double toFullSize) {
    int n = faces.empty() ? 0 : faces.rows();
    List<DetectedFace> result = new ArrayList<>(n);
    float[] row = new float[ROW_FLOATS];
    float k = (float) toFullSize;
    for (int i = 0; i < n; i++) {
      faces.get(i, 0, row);
      BoundingBox box = new BoundingBox(row[0] * k, row[1] * k, Math.max(0, row[2]) * k, Math.max(0, row[3]) * k);
      List<Point> landmarks = new ArrayList<>(5);
      for (int p = 0; p < 5; p++) {
        landmarks.add(new Point(row[4 + 2 * p] * k, row[5 + 2 * p] * k));
      }
      result.add(new DetectedFace(box, landmarks, Math.min(1f, Math.max(0f, row[14]))));
    }
    result.sort(Comparator.comparingDouble(DetectedFace::score).reversed());
    return result;
  }

  @Override
  public synchronized void close() {
    closed = true;
  }
}
