package dev.findmypic.models.face.facenet;

import dev.findmypic.core.Picture;
import dev.findmypic.core.testing.SharedData;
import dev.findmypic.models.checkpoint.DeterministicWeights;
import dev.findmypic.models.face.FaceDetector;
import dev.findmypic.models.face.FaceFixtures;
import dev.findmypic.models.face.mtcnn.MtcnnDetector;
import dev.findmypic.models.face.mtcnn.MtcnnOptions;
import dev.findmypic.models.face.yunet.YuNetDetector;
import dev.findmypic.models.face.yunet.YuNetOptions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.opencv.core.Mat;
import org.opencv.core.Size;
import org.opencv.imgcodecs.Imgcodecs;
import org.opencv.imgproc.Imgproc;

/**
 * Benchmark harness (run by {@code benchmarks/faces/run.sh}, not a test): detection milliseconds per photo for MTCNN
 * and YuNet at 1 to 12 MP, and FaceNet embeddings per second at batch 1 and 16 (deterministic weights; speed does not
 * depend on their values). Prints a Markdown table.
 */
public final class FacesBenchmark {
  private FacesBenchmark() {}

  /**
   * Runs the benchmark.
   *
   * @param args optional: repetitions per measurement (default 5), then {@code embed} to time FaceNet only
   */
  public static void main(String[] args) {
    int reps = args.length > 0 ? Integer.parseInt(args[0]) : 5;
    Mat source = FaceFixtures.readMat("fixtures/faces/face-api.js/bbt/bbt4.jpg", Imgcodecs.IMREAD_COLOR);
    org.opencv.core.Core.setNumThreads(2);
    if (args.length < 2 || !args[1].equals("embed")) {
      detection(source, reps);
    }
    embedding(reps);
  }

  private static void detection(Mat source, int reps) {
    System.out.printf("photo: face-api.js/bbt/bbt4.jpg (%dx%d) resized; median of %d runs after 1 warm-up%n%n",
        source.cols(), source.rows(), reps);
    System.out.println("| megapixels | size | MTCNN ms | faces | YuNet ms (long side <= 1280) | faces"
        + " | YuNet ms (full size) | faces |");
    System.out.println("|---|---|---|---|---|---|---|---|");
    try (FaceDetector mtcnn = MtcnnDetector.open(SharedData.path("models/mtcnn-facenet-pytorch"),
            MtcnnOptions.defaults());
        FaceDetector yunet = YuNetDetector.open(SharedData.path("models/yunet/face_detection_yunet_2026may.onnx"),
            YuNetOptions.defaults());
        FaceDetector yunetFull = YuNetDetector.open(
            SharedData.path("models/yunet/face_detection_yunet_2026may.onnx"),
            YuNetOptions.defaults().withMaxSide(8192))) {
      for (double mp : new double[] {1, 3, 6, 12}) {
        double f = Math.sqrt(mp * 1e6 / (source.cols() * (double) source.rows()));
        Mat resized = new Mat();
        Imgproc.resize(source, resized, new Size(Math.round(source.cols() * f), Math.round(source.rows() * f)), 0, 0,
            f < 1 ? Imgproc.INTER_AREA : Imgproc.INTER_LINEAR);
        Picture picture = FaceFixtures.toPicture(resized, 1.0);
        double[] m = time(mtcnn, picture, reps);
        double[] y = time(yunet, picture, reps);
        double[] yf = time(yunetFull, picture, reps);
        System.out.printf("| %.0f | %dx%d | %.0f | %.0f | %.1f | %.0f | %.0f | %.0f |%n", mp, picture.width(),
            picture.height(), m[0], m[1], y[0], y[1], yf[0], yf[1]);
      }
    }
  }

  private static void embedding(int reps) {
    try (FaceNetEmbedder embedder = FaceNetEmbedder.open(DeterministicWeights.fromKeys(
        SharedData.path("reference/facenet-mtcnn/state_dict_keys.txt")), 0)) {
      System.out.println();
      System.out.println("| FaceNet batch | embeddings/s |");
      System.out.println("|---|---|");
      for (int batch : new int[] {1, 16}) {
        float[] crops = new float[batch * 3 * 160 * 160];
        Random random = new Random(1);
        for (int i = 0; i < crops.length; i++) {
          crops[i] = random.nextFloat() * 2 - 1;
        }
        embedder.embedCrops(crops, batch);
        double[] seconds = new double[reps];
        for (int r = 0; r < reps; r++) {
          long t0 = System.nanoTime();
          embedder.embedCrops(crops, batch);
          seconds[r] = (System.nanoTime() - t0) / 1e9;
        }
        System.out.printf("| %d | %.1f |%n", batch, batch / median(seconds));
      }
    }
  }

  private static double[] time(FaceDetector detector, Picture picture, int reps) {
    int faces = detector.detect(picture).size();
    double[] ms = new double[reps];
    for (int r = 0; r < reps; r++) {
      long t0 = System.nanoTime();
      detector.detect(picture);
      ms[r] = (System.nanoTime() - t0) / 1e6;
    }
    return new double[] {median(ms), faces};
  }

  private static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }
}
