package dev.findmypic.models.face.sface;

import dev.findmypic.core.DetectedFace;
import dev.findmypic.core.InferenceException;
import dev.findmypic.core.ModelException;
import dev.findmypic.core.Picture;
import dev.findmypic.core.Point;
import dev.findmypic.core.Vectors;
import dev.findmypic.models.image.PictureMats;
import dev.findmypic.models.image.OpenCvNatives;
import com.google.common.hash.Hashing;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.opencv.core.CvException;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.objdetect.FaceRecognizerSF;

/**
 * OpenCV Zoo's SFace face embedder ({@code face_recognition_sface_2021dec.onnx}, Apache-2.0) run by OpenCV's own
 * {@link FaceRecognizerSF}, exactly as OpenCV Zoo's demo runs it: {@code alignCrop} warps the face by its five
 * landmarks onto the ArcFace template (112×112, BGR), {@code feature} feeds it to the network, and the 128-d output is
 * L2-normalised here.
 *
 * <p>Thread-safe: OpenCV's network is not, so {@code feature} calls are serialised; open one embedder per thread for
 * parallel work. OpenCV's Java API has no explicit release for the network: {@link #close()} makes the embedder
 * unusable and the native network is freed when it is garbage-collected.
 */
public final class SFaceEmbedder implements AutoCloseable {
  /** The length of an SFace vector. */
  public static final int DIMENSION = 128;
  /** The side of the aligned crop. */
  static final int CROP = 112;

  private final FaceRecognizerSF recognizer;
  private final Path file;
  private final String revision;
  private boolean closed;

  private SFaceEmbedder(FaceRecognizerSF recognizer, Path file, String revision) {
    this.recognizer = recognizer;
    this.file = file;
    this.revision = revision;
  }

  /**
   * Opens an SFace ONNX model (or any model OpenCV's DNN module reads with the same input [1,3,112,112] and a
   * [1,128] output).
   *
   * @param onnx the {@code .onnx} file
   * @return the embedder
   * @throws ModelException if the file is missing or OpenCV cannot load it
   */
  public static SFaceEmbedder open(Path onnx) {
    Path file = onnx.toAbsolutePath();
    if (!Files.isRegularFile(file)) {
      throw new ModelException("SFace model not found: " + file
          + " (expected OpenCV Zoo's face_recognition_sface_2021dec.onnx)");
    }
    String revision;
    try {
      revision = "sha256:" + com.google.common.io.Files.asByteSource(file.toFile()).hash(Hashing.sha256());
    } catch (IOException e) {
      throw new ModelException(file + ": cannot read: " + e.getMessage(), e);
    }
    OpenCvNatives.ensureLoaded();
    try {
      return new SFaceEmbedder(FaceRecognizerSF.create(file.toString(), ""), file, revision);
    } catch (CvException e) {
      throw new ModelException("OpenCV cannot load the SFace model " + file + ": " + e.getMessage(), e);
    }
  }

  /** @return {@code sha256:<hex>} of the model file, which identifies the vectors this embedder makes */
  public String revision() {
    return revision;
  }

  /**
   * Embeds faces.
   *
   * @param picture the picture the faces were found in
   * @param faces the faces, each with five landmarks in full-size pixels ({@link DetectedFace}'s order)
   * @return one unit vector of {@link #DIMENSION} floats per face
   * @throws InferenceException if OpenCV fails or the model gives another length
   */
  public List<float[]> embed(Picture picture, List<DetectedFace> faces) {
    if (faces.isEmpty()) {
      return List.of();
    }
    Mat bgr = PictureMats.bgr(picture);
    try {
      List<float[]> vectors = new ArrayList<>(faces.size());
      for (DetectedFace face : faces) {
        vectors.add(embedOne(bgr, face, picture.scale()));
      }
      return vectors;
    } finally {
      bgr.release();
    }
  }

  /**
   * The crop OpenCV aligns for a face, for tests.
   *
   * @param picture the picture
   * @param face a face in it
   * @return {@code 112 * 112 * 3} bytes, BGR, row by row
   */
  byte[] alignedCrop(Picture picture, DetectedFace face) {
    Mat bgr = PictureMats.bgr(picture);
    Mat crop = new Mat();
    try {
      align(bgr, face, picture.scale(), crop);
      byte[] out = new byte[CROP * CROP * 3];
      crop.get(0, 0, out);
      return out;
    } finally {
      crop.release();
      bgr.release();
    }
  }

  private float[] embedOne(Mat bgr, DetectedFace face, double scale) {
    Mat crop = new Mat();
    Mat feature = new Mat();
    try {
      align(bgr, face, scale, crop);
      synchronized (this) {
        if (closed) {
          throw new IllegalStateException("SFaceEmbedder is closed");
        }
        recognizer.feature(crop, feature);
      }
      if (feature.total() != DIMENSION) {
        throw new InferenceException("the face model " + file + " gave " + feature.total() + " values per face, "
            + "expected " + DIMENSION + " (is it SFace?)");
      }
      float[] vector = new float[DIMENSION];
      feature.reshape(1, 1).get(0, 0, vector);
      return Vectors.normalizeInPlace(vector);
    } catch (CvException e) {
      throw new InferenceException("SFace failed on a face at " + face.box() + ": " + e.getMessage(), e);
    } finally {
      crop.release();
      feature.release();
    }
  }

  /** Lets OpenCV warp the face onto the 112×112 template; its landmarks are scaled into the picture's pixels. */
  private void align(Mat bgr, DetectedFace face, double scale, Mat crop) {
    List<Point> landmarks = face.landmarks();
    if (landmarks.size() != 5) {
      throw new IllegalArgumentException("SFace alignment needs 5 landmarks, got " + landmarks.size());
    }
    float k = (float) scale;
    float[] row = new float[15];
    row[0] = face.box().x() * k;
    row[1] = face.box().y() * k;
    row[2] = face.box().width() * k;
    row[3] = face.box().height() * k;
    for (int i = 0; i < 5; i++) {
      row[4 + 2 * i] = landmarks.get(i).x() * k;
      row[5 + 2 * i] = landmarks.get(i).y() * k;
    }
    row[14] = face.score();
    Mat faceRow = new Mat(1, 15, CvType.CV_32F);
    try {
      faceRow.put(0, 0, row);
      recognizer.alignCrop(bgr, faceRow, crop);
    } finally {
      faceRow.release();
    }
  }

  @Override
  public synchronized void close() {
    closed = true;
  }
}
