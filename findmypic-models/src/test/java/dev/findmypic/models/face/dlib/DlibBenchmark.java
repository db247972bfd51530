package dev.findmypic.models.face.dlib;

import ai.djl.inference.Predictor;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.repository.zoo.Criteria;
import ai.djl.repository.zoo.ZooModel;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.findmypic.core.DetectedFace;
import dev.findmypic.core.Picture;
import dev.findmypic.core.Point;
import dev.findmypic.core.Vectors;
import dev.findmypic.core.testing.SharedData;
import dev.findmypic.models.face.FaceFixtures;
import dev.findmypic.models.face.align.FaceAligner;
import dev.findmypic.models.face.mtcnn.MtcnnDetector;
import dev.findmypic.models.face.mtcnn.MtcnnOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * Benchmark of the dlib-resnet tier (run by {@code benchmarks/faces-dlib/run.sh}): embeddings per second of the
 * native DJL/PyTorch network against the ONNX conversion through ONNX Runtime in the same JVM, milliseconds per photo
 * for detect + align + embed, and end-to-end precision and recall per identity on {@code fixtures/faces}. The ROC on
 * the 60 reference chips is printed by {@code DlibResnetEmbedderTest}.
 */
public final class DlibBenchmark {
  private DlibBenchmark() {}

  /**
   * Runs the benchmark.
   *
   * @param args {@code [chips]}: how many reference chips to time per engine and batch size (default 24, at most 52)
   * @throws Exception if a model cannot be loaded
   */
  public static void main(String[] args) throws Exception {
    int timed = args.length > 0 ? Integer.parseInt(args[0]) : 24;
    List<DlibReference.Crop> crops = DlibReference.crops();
    List<Picture> chips = DlibReference.chips(crops);
    try (DlibResnetEmbedder djl = DlibResnetEmbedder.load(SharedData.path("models/face-api-recognition"));
        OnnxEmbedder onnx = new OnnxEmbedder();
        MtcnnDetector mtcnn = MtcnnDetector.open(SharedData.path("models/mtcnn-facenet-pytorch"),
            MtcnnOptions.defaults())) {
      endToEnd(djl);
      System.out.println();
      System.out.println("## Embeddings per second (" + timed + " reference chips timed after 8 warm-up chips)");
      System.out.println("| engine | batch | embeddings/s | ms per embedding |");
      System.out.println("|---|---|---|---|");
      List<Picture> warmUp = chips.subList(0, 8);
      List<Picture> timedChips = chips.subList(8, 8 + timed);
      for (int batch : new int[] {1, 8}) {
        report("DJL PyTorch (native, this library)", batch, throughput(djl::describe, warmUp, timedChips, batch));
        report("ONNX Runtime (dlib_resnet_face.onnx)", batch, throughput(onnx::describe, warmUp, timedChips, batch));
      }
      perPhoto(mtcnn, djl, onnx);
    }
  }

  private static void report(String engine, int batch, double perSecond) {
    System.out.printf(Locale.ROOT, "| %s | %d | %.1f | %.2f |%n", engine, batch, perSecond, 1000 / perSecond);
  }

  private static double throughput(Function<List<Picture>, float[][]> describe, List<Picture> warmUp,
      List<Picture> chips, int batch) {
    for (int from = 0; from < warmUp.size(); from += batch) {
      describe.apply(warmUp.subList(from, Math.min(warmUp.size(), from + batch)));
    }
    long start = System.nanoTime();
    for (int from = 0; from < chips.size(); from += batch) {
      describe.apply(chips.subList(from, Math.min(chips.size(), from + batch)));
    }
    return chips.size() / ((System.nanoTime() - start) / 1e9);
  }

  private static void perPhoto(MtcnnDetector mtcnn, DlibResnetEmbedder djl, OnnxEmbedder onnx) {
    List<String> photos = List.of("face_recognition/examples/two_people.jpg", "face-api.js/bbt/bbt1.jpg",
        "face_recognition/examples/alex-lacamoire.png", "dlib/examples/johns/John_Simm/000288_00470387.jpg");
    List<Picture> pictures = photos.stream().filter(p -> Files.exists(SharedData.root().resolve("fixtures/faces/" + p)))
        .map(FaceFixtures::face).toList();
    System.out.println();
    System.out.println("## Milliseconds per photo: MTCNN detect + align + embed (" + pictures.size()
        + " photos, sizes " + pictures.stream().map(p -> p.width() + "x" + p.height()).toList() + ")");
    System.out.println("| embedder | detect ms/photo | align ms/photo | embed ms/photo | total ms/photo | faces |");
    System.out.println("|---|---|---|---|---|---|");
    Map<String, Function<List<Picture>, float[][]>> embedders = new LinkedHashMap<>();
    embedders.put("DJL PyTorch (native)", djl::describe);
    embedders.put("ONNX Runtime", onnx::describe);
    for (int pass = 0; pass < 2; pass++) {
      for (Map.Entry<String, Function<List<Picture>, float[][]>> embedder : embedders.entrySet()) {
        Function<List<Picture>, float[][]> describe = embedder.getValue();
        long detect = 0;
        long align = 0;
        long embed = 0;
        int faces = 0;
        for (Picture p : pictures) {
          long t0 = System.nanoTime();
          List<DetectedFace> found = mtcnn.detect(p);
          long t1 = System.nanoTime();
          List<Picture> chips = new ArrayList<>();
          for (DetectedFace f : found) {
            chips.add(FaceAligner.extractChip(p, FaceAligner.dlibTransform(f.landmarks()), 150));
          }
          long t2 = System.nanoTime();
          describe.apply(chips);
          long t3 = System.nanoTime();
          detect += t1 - t0;
          align += t2 - t1;
          embed += t3 - t2;
          faces += found.size();
        }
        if (pass == 1) {
          int n = pictures.size();
          System.out.printf(Locale.ROOT, "| %s | %.1f | %.1f | %.1f | %.1f | %d |%n", embedder.getKey(), detect / 1e6 / n, align / 1e6 / n, embed / 1e6 / n, (detect + align + embed) / 1e6 / n, faces);
        }
      }
    }
  }

  /**
   * Every labelled photo with facenet-pytorch's MTCNN detections ({@code reference/facenet-mtcnn/detections.json},
   * made on the same decoding): align, embed, search; each identity's first single-person photo is the query.
   */
  private static void endToEnd(DlibResnetEmbedder djl) throws IOException {
    JsonObject detections = JsonParser.parseString(
        Files.readString(SharedData.path("reference/facenet-mtcnn/detections.json"))).getAsJsonObject();
    Map<String, List<String>> identitiesOf = new LinkedHashMap<>();
    List<String> lines = Files.readAllLines(SharedData.path("fixtures/faces/labels.csv"));
    for (String line : lines.subList(1, lines.size())) {
      String[] cells = line.split(",", 4);
      if (detections.has(cells[0])) {
        identitiesOf.put(cells[0], cells[2].isBlank() ? List.of() : List.of(cells[2].split(";")));
      }
    }
    Map<String, List<float[]>> facesOf = new LinkedHashMap<>();
    int faces = 0;
    long start = System.nanoTime();
    for (String photo : identitiesOf.keySet()) {
      Picture p = DlibReference.decode(SharedData.path("fixtures/faces/" + photo));
      List<Picture> chips = new ArrayList<>();
      // boxes come sorted by area, largest first, so a single-person photo's query is its main face
      for (JsonElement face : detections.getAsJsonObject(photo).getAsJsonArray("landmarks")) {
        List<Point> five = new ArrayList<>();
        for (JsonElement point : face.getAsJsonArray()) {
          five.add(new Point(point.getAsJsonArray().get(0).getAsFloat(), point.getAsJsonArray().get(1).getAsFloat()));
        }
        chips.add(FaceAligner.extractChip(p, FaceAligner.dlibTransform(five), FaceAligner.DLIB_CHIP_SIZE));
      }
      List<float[]> vectors = new ArrayList<>();
      for (float[] d : djl.describe(chips)) {
        vectors.add(Vectors.normalizeInPlace(d));
      }
      faces += vectors.size();
      facesOf.put(photo, vectors);
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    System.out.println();
    System.out.printf(Locale.ROOT, "## End to end on fixtures/faces (%d labelled photos, %d faces from facenet-pytorch's"
        + " MTCNN, decode + align + embed in %.1f s; threshold %.2f on unit vectors; query = the largest face of the"
        + " identity's first single-person photo; a photo is returned when any of its faces is within the threshold)%n",
        identitiesOf.size(), faces, seconds, DlibResnetRecognizer.THRESHOLD);
    System.out.println("| identity | query photo | relevant photos | returned | correct | precision | recall |");
    System.out.println("|---|---|---|---|---|---|---|");
    Map<String, String> queries = new LinkedHashMap<>();
    identitiesOf.forEach((photo, ids) -> {
      if (ids.size() == 1 && !facesOf.get(photo).isEmpty()) {
        queries.putIfAbsent(ids.get(0), photo);
      }
    });
    int allReturned = 0;
    int allCorrect = 0;
    int allRelevant = 0;
    for (Map.Entry<String, String> q : queries.entrySet()) {
      String identity = q.getKey();
      float[] query = facesOf.get(q.getValue()).get(0);
      int relevant = 0;
      int returned = 0;
      int correct = 0;
      for (Map.Entry<String, List<float[]>> e : facesOf.entrySet()) {
        if (e.getKey().equals(q.getValue())) {
          continue;
        }
        boolean isRelevant = identitiesOf.get(e.getKey()).contains(identity);
        boolean hit = e.getValue().stream()
            .anyMatch(v -> Vectors.euclidean(query, v) <= DlibResnetRecognizer.THRESHOLD);
        relevant += isRelevant ? 1 : 0;
        returned += hit ? 1 : 0;
        correct += hit && isRelevant ? 1 : 0;
      }
      if (relevant == 0) {
        continue;
      }
      allReturned += returned;
      allCorrect += correct;
      allRelevant += relevant;
      System.out.printf(Locale.ROOT, "| %s | %s | %d | %d | %d | %s | %.2f |%n", identity, q.getValue(), relevant,
          returned, correct, returned == 0 ? "-" : String.format(Locale.ROOT, "%.2f", (double) correct / returned),
          (double) correct / relevant);
    }
    System.out.printf(Locale.ROOT, "| **all (micro)** | | %d | %d | %d | %.2f | %.2f |%n", allRelevant, allReturned,
        allCorrect, (double) allCorrect / allReturned, (double) allCorrect / allRelevant);
  }

  /** The ONNX conversion through DJL's ONNX Runtime engine, fed the same NCHW floats. */
  static final class OnnxEmbedder implements AutoCloseable {
    private final ZooModel<NDList, NDList> model;
    private final Predictor<NDList, NDList> predictor;
    private final NDManager manager;

    OnnxEmbedder() throws Exception {
      System.setProperty("ai.djl.onnx.disable_alternative", "true");
      model = Criteria.builder().setTypes(NDList.class, NDList.class)
          .optModelPath(SharedData.path("models/dlib-resnet-face/dlib_resnet_face.onnx"))
          .optEngine("OnnxRuntime")
          .optOption("interOpNumThreads", "1")
          .optOption("intraOpNumThreads", "2")
          .build().loadModel();
      predictor = model.newPredictor();
      manager = NDManager.newBaseManager("OnnxRuntime");
    }

    float[][] describe(List<Picture> chips) {
      float[][] out = new float[chips.size()][];
      if (chips.isEmpty()) {
        return out;
      }
      float[] input = new float[chips.size() * 3 * 150 * 150];
      for (int n = 0; n < chips.size(); n++) {
        java.nio.ByteBuffer rgb = chips.get(n).rgb();
        for (int p = 0; p < 150 * 150; p++) {
          for (int c = 0; c < 3; c++) {
            input[(n * 3 + c) * 150 * 150 + p] = rgb.get(3 * p + c) & 0xFF;
          }
        }
      }
      try (NDManager batch = manager.newSubManager()) {
        NDArray x = batch.create(input, new Shape(chips.size(), 3, 150, 150));
        x.setName("input");
        float[] flat = predictor.predict(new NDList(x)).singletonOrThrow().toFloatArray();
        for (int n = 0; n < out.length; n++) {
          out[n] = java.util.Arrays.copyOfRange(flat, n * 128, n * 128 + 128);
        }
        return out;
      } catch (ai.djl.translate.TranslateException e) {
        throw new IllegalStateException(e);
      }
    }

    @Override
    public void close() {
      predictor.close();
      model.close();
      manager.close();
    }
  }
}
