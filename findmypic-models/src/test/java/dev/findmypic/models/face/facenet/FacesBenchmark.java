package dev.findmypic.models.face.facenet;

import dev.findmypic.core.DetectedFace;
import dev.findmypic.core.Picture;
import dev.findmypic.core.testing.SharedData;
import dev.findmypic.models.checkpoint.DeterministicWeights;
import dev.findmypic.models.face.DownscalingFaceDetector;
import dev.findmypic.models.face.FaceDetector;
import dev.findmypic.models.face.FaceFixtures;
import dev.findmypic.models.face.mtcnn.MtcnnDetector;
import dev.findmypic.models.face.mtcnn.MtcnnOptions;
import dev.findmypic.models.face.sface.SFaceEmbedder;
import dev.findmypic.models.face.yunet.YuNetDetector;
import dev.findmypic.models.face.yunet.YuNetOptions;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.opencv.core.Mat;
import org.opencv.core.Size;
import org.opencv.imgcodecs.Imgcodecs;
import org.opencv.imgproc.Imgproc;

/**
 * Benchmark harness (run by {@code benchmarks/faces/run.sh}, not a test): detection milliseconds per photo for MTCNN
 * (full size, and on a copy with a long side of at most 1280 px through {@link DownscalingFaceDetector}) and YuNet at
 * 1 to 12 MP, and embeddings per second per tier: FaceNet at batch 1 and 16 (deterministic weights; speed does not
 * depend on their values) and SFace through OpenCV (the real weights when {@code -Dfindmypic.sface.model=PATH} names
 * them, else only the alignment and plumbing cost with the 2 KB stand-in). Prints Markdown tables.
 */
public final class FacesBenchmark {
  private FacesBenchmark() {}

  /**
   * Runs the benchmark.
   *
   * @param args optional: repetitions per measurement (default 5); then {@code all} (default), {@code detect} or
   *     {@code embed}; then the megapixel rows to run (default 1 3 6 12)
   */
  public static void main(String[] args) {
    int reps = args.length > 0 ? Integer.parseInt(args[0]) : 5;
    String what = args.length > 1 ? args[1] : "all";
    double[] megapixels = args.length > 2
        ? Arrays.stream(args, 2, args.length).mapToDouble(Double::parseDouble).toArray()
        : new double[] {1, 3, 6, 12};
    Mat source = FaceFixtures.readMat("fixtures/faces/face-api.js/bbt/bbt4.jpg", Imgcodecs.IMREAD_COLOR);
    org.opencv.core.Core.setNumThreads(2);
    if (!what.equals("embed")) {
      detection(source, reps, megapixels);
    }
    if (!what.equals("detect")) {
      embedding(reps);
      sfaceEmbedding(reps);
    }
  }

  private static void detection(Mat source, int reps, double[] megapixels) {
    System.out.printf("photo: face-api.js/bbt/bbt4.jpg (%dx%d) resized; median of %d runs after 1 warm-up%n%n",
        source.cols(), source.rows(), reps);
    System.out.println("Each detector: wall ms / process CPU ms (all threads) / faces found.");
    System.out.println();
    System.out.println("| megapixels | size | MTCNN | MTCNN (copy <= 1280) | YuNet (long side <= 1280)"
        + " | YuNet (full size) |");
    System.out.println("|---|---|---|---|---|---|");
    try (FaceDetector mtcnn = MtcnnDetector.open(SharedData.path("models/mtcnn-facenet-pytorch"),
            MtcnnOptions.defaults());
        FaceDetector mtcnnCopy = new DownscalingFaceDetector(MtcnnDetector.open(
            SharedData.path("models/mtcnn-facenet-pytorch"), MtcnnOptions.defaults()), 1280);
        FaceDetector yunet = YuNetDetector.open(SharedData.path("models/yunet/face_detection_yunet_2026may.onnx"),
            YuNetOptions.defaults());
        FaceDetector yunetFull = YuNetDetector.open(
            SharedData.path("models/yunet/face_detection_yunet_2026may.onnx"),
            YuNetOptions.defaults().withMaxSide(8192))) {
      for (double mp : megapixels) {
        double f = Math.sqrt(mp * 1e6 / (source.cols() * (double) source.rows()));
        Mat resized = new Mat();
        Imgproc.resize(source, resized, new Size(Math.round(source.cols() * f), Math.round(source.rows() * f)), 0, 0,
            f < 1 ? Imgproc.INTER_AREA : Imgproc.INTER_LINEAR);
        Picture picture = FaceFixtures.toPicture(resized, 1.0);
        double[] m = time(mtcnn, picture, reps);
        double[] mc = time(mtcnnCopy, picture, reps);
        double[] y = time(yunet, picture, reps);
        double[] yf = time(yunetFull, picture, reps);
        System.out.printf("| %.0f | %dx%d | %s | %s | %s | %s |%n", mp, picture.width(), picture.height(),
            cell(m), cell(mc), cell(y), cell(yf));
        resized.release();
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

  /** SFace through OpenCV, one face at a time as {@code FaceRecognizerSF} takes them: alignCrop plus feature. */
  private static void sfaceEmbedding(int reps) {
    String real = System.getProperty("findmypic.sface.model");
    Path model;
    String label;
    if (real != null) {
      model = Path.of(real);
      label = "SFace 2021dec (" + model.getFileName() + ")";
    } else {
      model = Path.of("findmypic-models/src/test/resources/face/sface/weighted_channel_means.onnx");
      label = "SFace path with the 2 KB stand-in (alignCrop + plumbing only; no -Dfindmypic.sface.model)";
    }
    Picture bbt4 = FaceFixtures.face("face-api.js/bbt/bbt4.jpg");
    try (YuNetDetector yunet = YuNetDetector.open(SharedData.path("models/yunet/face_detection_yunet_2026may.onnx"),
            YuNetOptions.defaults());
        SFaceEmbedder sface = SFaceEmbedder.open(model)) {
      List<DetectedFace> faces = yunet.detect(bbt4);
      sface.embed(bbt4, faces);
      double[] seconds = new double[reps];
      for (int r = 0; r < reps; r++) {
        long t0 = System.nanoTime();
        sface.embed(bbt4, faces);
        seconds[r] = (System.nanoTime() - t0) / 1e9;
      }
      System.out.println();
      System.out.println("| tier | faces per call | embeddings/s |");
      System.out.println("|---|---|---|");
      System.out.printf("| %s | %d | %.1f |%n", label, faces.size(), faces.size() / median(seconds));
    }
  }

  /** @return median wall ms, faces found, median process CPU ms (all threads, native ones included) */
  private static double[] time(FaceDetector detector, Picture picture, int reps) {
    int faces = detector.detect(picture).size();
    double[] ms = new double[reps];
    double[] cpu = new double[reps];
    for (int r = 0; r < reps; r++) {
      long c0 = processCpuNanos();
      long t0 = System.nanoTime();
      detector.detect(picture);
      ms[r] = (System.nanoTime() - t0) / 1e6;
      cpu[r] = (processCpuNanos() - c0) / 1e6;
    }
    return new double[] {median(ms), faces, median(cpu)};
  }

  private static long processCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  private static String cell(double[] timing) {
    return String.format("%.0f / %.0f / %.0f", timing[0], timing[2], timing[1]);
  }

  private static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }
}
