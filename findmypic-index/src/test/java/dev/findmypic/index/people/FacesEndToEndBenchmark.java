package dev.findmypic.index.people;

import dev.findmypic.core.DecodedPhoto;
import dev.findmypic.core.DetectedFace;
import dev.findmypic.core.Picture;
import dev.findmypic.core.testing.SharedData;
import dev.findmypic.index.IndexSummary;
import dev.findmypic.index.LibraryOptions;
import dev.findmypic.index.PhotoLibrary;
import dev.findmypic.index.pipeline.Analysers;
import dev.findmypic.models.face.FaceDetector;
import dev.findmypic.models.face.align.FaceAligner;
import dev.findmypic.models.face.dlib.DlibResnetEmbedder;
import dev.findmypic.models.face.dlib.DlibResnetRecognizer;
import dev.findmypic.models.face.mtcnn.MtcnnDetector;
import dev.findmypic.models.face.mtcnn.MtcnnOptions;
import dev.findmypic.models.face.yunet.YuNetDetector;
import dev.findmypic.models.face.yunet.YuNetOptions;
import dev.findmypic.models.image.OpenCvPhotoDecoder;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * The face tier end to end on {@code shared/fixtures/faces} (run by {@code benchmarks/faces-dlib/e2e.sh}), per
 * detector (the Java MTCNN, YuNet): milliseconds per photo for detect, align and embed (dlib ResNet on DJL's PyTorch
 * engine), timed photo by photo on the pictures as the library decodes them; then the library itself indexing the
 * folder, and the per-identity person-search and gallery tables that {@link MtcnnDlibFacesTest} and
 * {@link YuNetDlibFacesTest} assert.
 */
public final class FacesEndToEndBenchmark {
  private FacesEndToEndBenchmark() {}

  /**
   * Runs the benchmark.
   *
   * @param args {@code [detectors]}: a comma-separated subset of {@code mtcnn,yunet} (default both), then
   *     {@code [--no-library]} to time detect, align and embed only
   * @throws IOException if the data directory cannot be made
   */
  public static void main(String[] args) throws IOException {
    List<String> detectors = List.of((args.length > 0 ? args[0] : "mtcnn,yunet").split(","));
    boolean library = !Arrays.asList(args).contains("--no-library");
    OpenCvPhotoDecoder decoder = new OpenCvPhotoDecoder();
    List<Picture> pictures = new ArrayList<>();
    for (FixtureFaces.Labelled l : FixtureFaces.labels()) {
      DecodedPhoto decoded = decoder.decode(l.photo(), Analysers.FACES_SHORT_SIDE);
      pictures.add(decoded.picture());
    }
    System.out.printf(Locale.ROOT, "machine: %d cores; load: %s%n", Runtime.getRuntime().availableProcessors(),
        Files.readString(Path.of("/proc/loadavg")).trim());
    try (DlibResnetEmbedder embedder = DlibResnetEmbedder.load(SharedData.path("models/face-api-recognition"))) {
      System.out.println();
      System.out.println("## Milliseconds per photo: detect + align + embed, " + pictures.size()
          + " photos as the library decodes them (short side at most " + Analysers.FACES_SHORT_SIDE
          + "), one timed pass after a warm-up pass");
      System.out.println("| detector | faces | detect ms/photo | align ms/photo | embed ms/photo | total ms/photo"
          + " | total p50 / p95 ms | CPU s (process) |");
      System.out.println("|---|---|---|---|---|---|---|---|");
      for (String name : detectors) {
        try (FaceDetector detector = detector(name).get()) {
          timePerPhoto(name, detector, embedder, pictures);
        }
      }
    }
    if (library) {
      for (String name : detectors) {
        indexAndSearch(name, detector(name), decoder);
      }
    }
  }

  private static Supplier<FaceDetector> detector(String name) {
    return switch (name) {
      case "mtcnn" -> () -> MtcnnDetector.open(SharedData.path("models/mtcnn-facenet-pytorch"),
          MtcnnOptions.defaults());
      case "yunet" -> () -> YuNetDetector.open(SharedData.path("models/yunet/face_detection_yunet_2026may.onnx"),
          YuNetOptions.defaults());
      default -> throw new IllegalArgumentException("unknown detector " + name + ": use mtcnn or yunet");
    };
  }

  private static void timePerPhoto(String name, FaceDetector detector, DlibResnetEmbedder embedder,
      List<Picture> pictures) {
    long[] total = new long[pictures.size()];
    long detect = 0;
    long align = 0;
    long embed = 0;
    int faces = 0;
    long cpu = 0;
    for (int pass = 0; pass < 2; pass++) {
      detect = align = embed = 0;
      faces = 0;
      cpu = processCpuNanos();
      for (int i = 0; i < pictures.size(); i++) {
        Picture p = pictures.get(i);
        long t0 = System.nanoTime();
        List<DetectedFace> found = detector.detect(p);
        long t1 = System.nanoTime();
        List<Picture> chips = new ArrayList<>(found.size());
        for (DetectedFace f : found) {
          // as DlibResnetRecognizer.embed does: full-size landmarks, the chip sampled from the (maybe reduced) picture
          chips.add(FaceAligner.extractChip(p, FaceAligner.dlibTransform(f.landmarks()), FaceAligner.DLIB_CHIP_SIZE));
        }
        long t2 = System.nanoTime();
        if (!chips.isEmpty()) {
          embedder.describe(chips);
        }
        long t3 = System.nanoTime();
        detect += t1 - t0;
        align += t2 - t1;
        embed += t3 - t2;
        total[i] = t3 - t0;
        faces += found.size();
      }
      cpu = processCpuNanos() - cpu;
    }
    long[] sorted = total.clone();
    Arrays.sort(sorted);
    int n = pictures.size();
    System.out.printf(Locale.ROOT, "| %s | %d | %.1f | %.1f | %.1f | %.1f | %.1f / %.1f | %.1f |%n", name, faces,
        detect / 1e6 / n, align / 1e6 / n, embed / 1e6 / n, (detect + align + embed) / 1e6 / n,
        sorted[n / 2] / 1e6, sorted[(int) Math.ceil(0.95 * n) - 1] / 1e6, cpu / 1e9);
  }

  private static void indexAndSearch(String name, Supplier<FaceDetector> detector, OpenCvPhotoDecoder decoder)
      throws IOException {
    Path data = Files.createTempDirectory("faces-e2e");
    try (DlibResnetRecognizer recognizer = DlibResnetRecognizer.open(
            SharedData.path("models/face-api-recognition"), detector.get());
        PhotoLibrary library = PhotoLibrary.open(data, LibraryOptions.builder().decoder(decoder)
            .faces(recognizer).threads(2).build())) {
      library.addRoot(FixtureFaces.root());
      long cpu = processCpuNanos();
      IndexSummary summary = library.index(p -> { });
      System.out.println();
      System.out.printf(Locale.ROOT, "## %s: PhotoLibrary.index of %d photos (%d faces): %.1f s wall (%.2f photos/s),"
          + " %.1f s process CPU, %d failed%n", name, summary.added(), library.stats().catalogue().faces(),
          summary.elapsed().toMillis() / 1e3, summary.added() / (summary.elapsed().toMillis() / 1e3),
          (processCpuNanos() - cpu) / 1e9, summary.failures().size());
      System.out.println();
      System.out.println("### " + name + ": person search (PhotoLibrary.findPerson, each identity's first photo)");
      System.out.print(FixtureFaces.personSearch(library, decoder).markdown());
      FixtureFaces.GalleryResult gallery = FixtureFaces.gallery(library);
      System.out.println();
      System.out.println("### " + name + ": gallery (PhotoLibrary.people(), enrolled from each identity's first photo)");
      System.out.print(gallery.table().markdown());
      System.out.println(gallery.summary());
    }
  }

  private static long processCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }
}
