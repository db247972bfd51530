package dev.findmypic.models.face;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.findmypic.core.DetectedFace;
import dev.findmypic.core.Picture;
import dev.findmypic.core.testing.SharedData;
import dev.findmypic.models.face.mtcnn.MtcnnDetector;
import dev.findmypic.models.face.mtcnn.MtcnnOptions;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opencv.core.Mat;
import org.opencv.core.Size;
import org.opencv.imgcodecs.Imgcodecs;
import org.opencv.imgproc.Imgproc;

/** MTCNN on a 12 MP photo through a 1280 px copy, against MTCNN run by hand on the same copy. */
class DownscalingFaceDetectorTest {
  private static MtcnnDetector mtcnn;

  @BeforeAll
  static void open() {
    mtcnn = MtcnnDetector.open(SharedData.path("models/mtcnn-facenet-pytorch"), MtcnnOptions.defaults());
  }

  @AfterAll
  static void close() {
    mtcnn.close();
  }

  private static Mat resized(Mat source, int width, int height, int interpolation) {
    Mat out = new Mat();
    Imgproc.resize(source, out, new Size(width, height), 0, 0, interpolation);
    return out;
  }

  @Test
  void findsTheFacesOfA12MegapixelPhotoInFullSizePixels() {
    Mat bbt4 = FaceFixtures.readMat("fixtures/faces/face-api.js/bbt/bbt4.jpg", Imgcodecs.IMREAD_COLOR);
    Mat big = resized(bbt4, 4000, 2665, Imgproc.INTER_LINEAR);
    Mat copy = resized(big, 1280, 853, Imgproc.INTER_AREA);
    Picture twelveMp = FaceFixtures.toPicture(big, 1.0);
    List<DetectedFace> byHand = mtcnn.detect(FaceFixtures.toPicture(copy, 1.0));
    DownscalingFaceDetector downscaling = new DownscalingFaceDetector(new Unclosed(mtcnn), 1280);
    List<DetectedFace> found = downscaling.detect(twelveMp);

    assertThat(found).hasSize(6).hasSameSizeAs(byHand);
    double k = 0.5 * (4000 / 1280.0 + 2665 / 853.0);
    for (int i = 0; i < found.size(); i++) {
      DetectedFace f = found.get(i);
      DetectedFace h = byHand.get(i);
      assertThat(f.score()).isEqualTo(h.score());
      assertThat((double) f.box().x()).isCloseTo(h.box().x() * k, within(0.01));
      assertThat((double) f.box().y()).isCloseTo(h.box().y() * k, within(0.01));
      assertThat((double) f.box().width()).isCloseTo(h.box().width() * k, within(0.01));
      assertThat((double) f.landmarks().get(0).x()).isCloseTo(h.landmarks().get(0).x() * k, within(0.01));
      // boxes lie within the 12 MP photo (give or take MTCNN's unclipped margins)
      assertThat(f.box().right()).isLessThan(4000 + 50);
    }
    for (Mat m : List.of(bbt4, big, copy)) {
      m.release();
    }
  }

  @Test
  void passesSmallPicturesThroughAndKeepsAReducedScale() {
    Mat bbt4 = FaceFixtures.readMat("fixtures/faces/face-api.js/bbt/bbt4.jpg", Imgcodecs.IMREAD_COLOR);
    Picture small = FaceFixtures.toPicture(bbt4, 1.0);
    DownscalingFaceDetector downscaling = new DownscalingFaceDetector(new Unclosed(mtcnn), 1280);
    assertThat(downscaling.shrink(small)).isSameAs(small);

    // a picture decoded at half size (scale 0.5) of a 2840 px original, shrunk again to 640: scale 0.225
    Mat half = resized(bbt4, 1420, 946, Imgproc.INTER_LINEAR);
    Picture decodedAtHalf = FaceFixtures.toPicture(half, 0.5);
    Picture shrunk = new DownscalingFaceDetector(new Unclosed(mtcnn), 640).shrink(decodedAtHalf);
    assertThat(shrunk.width()).isEqualTo(640);
    assertThat(shrunk.height()).isEqualTo(426);
    assertThat(shrunk.scale()).isCloseTo(0.5 * 640 / 1420.0, within(1e-3));
    bbt4.release();
    half.release();
  }

  /** Lets the tests share one MTCNN: closing the wrapper must not close it. */
  private record Unclosed(FaceDetector detector) implements FaceDetector {
    @Override
    public List<DetectedFace> detect(Picture picture) {
      return detector.detect(picture);
    }

    @Override
    public void close() {}
  }
}
