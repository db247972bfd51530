package dev.findmypic.models.face.dlib;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.repository.zoo.Criteria;
import ai.djl.repository.zoo.ZooModel;
import ai.djl.inference.Predictor;
import dev.findmypic.core.ModelFormatException;
import dev.findmypic.core.Picture;
import dev.findmypic.core.testing.SharedData;
import dev.findmypic.models.face.align.FaceAligner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DlibResnetEmbedderTest {
  private static final Path MODEL = SharedData.path("models/face-api-recognition");
  private static DlibResnetEmbedder embedder;
  private static List<DlibReference.Crop> crops;
  private static float[][] descriptors;

  @TempDir Path dir;

  @BeforeAll
  static void describeAllCrops() {
    embedder = DlibResnetEmbedder.load(MODEL);
    crops = DlibReference.crops();
    descriptors = embedder.describe(DlibReference.chips(crops));
  }

  @AfterAll
  static void close() {
    embedder.close();
  }

  @Test
  void descriptorsMatchFaceApiJsWithin1e4() {
    assertThat(crops).hasSize(60);
    double worst = 0;
    for (int i = 0; i < crops.size(); i++) {
      worst = Math.max(worst, maxAbsDiff(descriptors[i], crops.get(i).descriptor()));
    }
    System.out.printf("dlib descriptors vs face-api.js: max |diff| %.3g over 60x128%n", worst);
    assertThat(worst).isLessThan(1e-4);
  }

  @Test
  void descriptorsMatchTheOnnxConversionRunByOnnxRuntime() throws Exception {
    System.setProperty("ai.djl.onnx.disable_alternative", "true");
    List<Picture> chips = DlibReference.chips(crops.subList(0, 8));
    Criteria<NDList, NDList> criteria = Criteria.builder()
        .setTypes(NDList.class, NDList.class)
        .optModelPath(SharedData.path("models/dlib-resnet-face/dlib_resnet_face.onnx"))
        .optEngine("OnnxRuntime")
        .build();
    try (ZooModel<NDList, NDList> model = criteria.loadModel();
        Predictor<NDList, NDList> predictor = model.newPredictor();
        NDManager manager = NDManager.newBaseManager("OnnxRuntime")) {
      float[] input = new float[8 * 3 * 150 * 150];
      for (int n = 0; n < 8; n++) {
        Picture chip = chips.get(n);
        for (int c = 0; c < 3; c++) {
          for (int y = 0; y < 150; y++) {
            for (int x = 0; x < 150; x++) {
              input[((n * 3 + c) * 150 + y) * 150 + x] = chip.sample(x, y, c);
            }
          }
        }
      }
      NDArray batch = manager.create(input, new Shape(8, 3, 150, 150));
      batch.setName("input");
      float[] onnx = predictor.predict(new NDList(batch)).singletonOrThrow().toFloatArray();
      double worst = 0;
      for (int n = 0; n < 8; n++) {
        worst = Math.max(worst, maxAbsDiff(Arrays.copyOfRange(onnx, n * 128, n * 128 + 128), descriptors[n]));
      }
      System.out.printf("dlib descriptors vs ONNX Runtime: max |diff| %.3g over 8x128%n", worst);
      assertThat(worst).isLessThan(1e-4);
    }
  }

  @Test
  void identifiesThePeopleOfTheSixtyCrops() {
    IdentityScores scores = IdentityScores.of(crops.stream().map(DlibReference.Crop::identity).toList(), descriptors,
        false);
    System.out.println("raw descriptors: " + scores);
    assertThat(scores.samePairs()).isEqualTo(94);
    assertThat(scores.differentPairs()).isEqualTo(1676);
    assertThat(scores.rank1()).isGreaterThanOrEqualTo(56);
    assertThat(scores.accuracyAt(0.6)).isGreaterThanOrEqualTo(0.955);
    IdentityScores unit = IdentityScores.of(crops.stream().map(DlibReference.Crop::identity).toList(), descriptors,
        true);
    System.out.println("unit vectors: " + unit);
    assertThat(unit.rank1()).isGreaterThanOrEqualTo(56);
    assertThat(unit.accuracyAt(DlibResnetRecognizer.THRESHOLD)).isGreaterThanOrEqualTo(0.963);
    assertThat(unit.auc()).isGreaterThanOrEqualTo(0.979);
  }

  /** Chips this library cuts from the photos, through the network, against face-api.js on the reference chips. */
  @Test
  void descriptorsOfOwnChipsStayWithin002OfTheReference() {
    List<Picture> chips = crops.stream()
        .map(c -> FaceAligner.extractChip(DlibReference.decode(c.sourcePath()), FaceAligner.dlibTransform(c.landmarks()),
            FaceAligner.DLIB_CHIP_SIZE))
        .toList();
    float[][] own = embedder.describe(chips);
    double worst = 0;
    for (int i = 0; i < crops.size(); i++) {
      worst = Math.max(worst, maxAbsDiff(own[i], crops.get(i).descriptor()));
    }
    System.out.printf("descriptors of own chips vs face-api.js: max |diff| %.3g%n", worst);
    assertThat(worst).isLessThan(0.02);
    assertThat(IdentityScores.of(crops.stream().map(DlibReference.Crop::identity).toList(), own, false).rank1())
        .isGreaterThanOrEqualTo(55);
  }

  @Test
  void chipsOfTheWrongSizeAreRefused() {
    assertThatThrownBy(() -> embedder.describe(List.of(Picture.ofRgb(2, 2, new byte[12]))))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("150x150");
    assertThat(embedder.describe(List.of())).isEmpty();
  }

  @Test
  void truncatedWeightsGiveAClearError() throws Exception {
    Path copy = copyModel();
    Path bin = copy.resolve("face_recognition_model.bin");
    byte[] bytes = Files.readAllBytes(bin);
    Files.write(bin, Arrays.copyOf(bytes, bytes.length - 1000));
    assertThatThrownBy(() -> DlibResnetEmbedder.load(copy)).isInstanceOf(ModelFormatException.class)
        .hasMessageContaining("truncated");
  }

  @Test
  void tamperedManifestGivesAClearError() throws Exception {
    Path copy = copyModel();
    Path manifest = copy.resolve(DlibResnetEmbedder.MANIFEST);
    String json = Files.readString(manifest);
    // the fc matrix claims another shape: the byte count no longer adds up
    Files.writeString(manifest, json.replace("\"name\":\"fc\",\"shape\":[256,128]", "\"name\":\"fc\",\"shape\":[256,129]"));
    assertThatThrownBy(() -> DlibResnetEmbedder.load(copy)).isInstanceOf(ModelFormatException.class)
        .hasMessageContaining("bytes");
    // same byte count, wrong layout: caught by the network's shape check
    Files.writeString(manifest, json.replace("\"name\":\"fc\",\"shape\":[256,128]", "\"name\":\"fc\",\"shape\":[128,256]"));
    assertThatThrownBy(() -> DlibResnetEmbedder.load(copy)).isInstanceOf(ModelFormatException.class)
        .hasMessageContaining("'fc'").hasMessageContaining("[128, 256]");
    Files.writeString(manifest, "{\"not\": \"a manifest\"");
    assertThatThrownBy(() -> DlibResnetEmbedder.load(copy)).isInstanceOf(ModelFormatException.class)
        .hasMessageContaining(manifest.toString());
  }

  private Path copyModel() throws Exception {
    Path copy = Files.createDirectories(dir.resolve("model"));
    for (String f : new String[] {DlibResnetEmbedder.MANIFEST, "face_recognition_model.bin"}) {
      Files.copy(MODEL.resolve(f), copy.resolve(f));
    }
    return copy;
  }

  static double maxAbsDiff(float[] a, float[] b) {
    assertThat(a).hasSameSizeAs(b);
    double worst = 0;
    for (int i = 0; i < a.length; i++) {
      worst = Math.max(worst, Math.abs(a[i] - b[i]));
    }
    return worst;
  }
}
