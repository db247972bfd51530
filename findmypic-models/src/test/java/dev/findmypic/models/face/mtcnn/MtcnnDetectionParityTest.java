package dev.findmypic.models.face.mtcnn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.findmypic.core.Picture;
import dev.findmypic.core.testing.SharedData;
import dev.findmypic.models.face.FaceFixtures;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.opencv.imgcodecs.Imgcodecs;

/**
 * The whole detector against facenet-pytorch's {@code MTCNN.detect} on real photos
 * ({@code reference/facenet-mtcnn/detections.json}): same face count, boxes and landmarks within 0.01 px,
 * probabilities within 1e-4. Pixels are decoded by OpenCV without EXIF rotation, as PIL did for the reference, and
 * checked against {@code decoded_rgb_sha256.json} first.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MtcnnDetectionParityTest {
  private JsonObject detections;
  private JsonObject sha256;
  private MtcnnDetector detector;

  @BeforeAll
  void load() throws IOException {
    detections = json("reference/facenet-mtcnn/detections.json");
    sha256 = json("reference/facenet-mtcnn/decoded_rgb_sha256.json");
    detector = MtcnnDetector.open(SharedData.path("models/mtcnn-facenet-pytorch"), MtcnnOptions.defaults());
  }

  @AfterAll
  void close() {
    detector.close();
  }

  /**
   * A sample of the 136 reference images, to keep the suite fast: the three traced ones, group photos, photos
   * without people, tight crops where two boxes tie in O-Net, and CLIP's images. Run with
   * {@code -Dfindmypic.faces.allMtcnnImages=true} for all of them (136/136 pass).
   */
  static List<String> images() throws IOException {
    if (Boolean.getBoolean("findmypic.faces.allMtcnnImages")) {
      List<String> all = new ArrayList<>();
      for (String key : json("reference/facenet-mtcnn/detections.json").keySet()) {
        if (!key.startsWith("_")) {
          all.add(key);
        }
      }
      return all;
    }
    return List.of("face-api.js/people/amy/amy1.png", "facenet-pytorch/multiface.jpg", "face-api.js/bbt/bbt1.jpg",
        "face-api.js/bbt/bbt4.jpg", "face_recognition/examples/two_people.jpg",
        "face-api.js/people/sheldon/sheldon4.png", "facenet-pytorch/test_images_aligned/kate_siegel/1.png",
        "dlib/examples/johns/John_Salley/000190_02159501.jpg", "face_recognition/examples/alex-lacamoire.png",
        "facenet-pytorch/test_images/angelina_jolie/1.jpg", "dlib/no_people/giraffe.jpg", "gpuref/astronaut.png");
  }

  @ParameterizedTest
  @MethodSource("images")
  void matchesFacenetPytorch(String key) throws Exception {
    String file = key.startsWith("gpuref/")
        ? "reference/clip-tiny-a/images/" + key.substring("gpuref/".length())
        : "fixtures/faces/" + key;
    Picture picture = FaceFixtures.read(file, Imgcodecs.IMREAD_COLOR | Imgcodecs.IMREAD_IGNORE_ORIENTATION);
    assertThat(sha256(picture)).as("decoded pixels of " + file).isEqualTo(sha256.get(key).getAsString());

    JsonObject expected = detections.getAsJsonObject(key);
    JsonArray boxes = expected.getAsJsonArray("boxes");
    List<MtcnnFace> faces = new ArrayList<>(detector.detectRaw(picture));
    faces.sort(Comparator.comparingDouble((MtcnnFace f) -> (f.x2() - f.x1()) * (f.y2() - f.y1())).reversed());
    assertThat(faces).as("faces in " + key).hasSize(boxes.size());
    for (int i = 0; i < faces.size(); i++) {
      MtcnnFace face = faces.get(i);
      JsonArray box = boxes.get(i).getAsJsonArray();
      float[] actual = {face.x1(), face.y1(), face.x2(), face.y2()};
      for (int k = 0; k < 4; k++) {
        assertThat(actual[k]).as(key + " face " + i + " box " + k).isCloseTo(box.get(k).getAsFloat(), within(1e-2f));
      }
      assertThat(face.probability()).isCloseTo(expected.getAsJsonArray("probs").get(i).getAsFloat(), within(1e-4f));
      JsonArray marks = expected.getAsJsonArray("landmarks").get(i).getAsJsonArray();
      for (int p = 0; p < 5; p++) {
        for (int c = 0; c < 2; c++) {
          assertThat(face.landmarks()[2 * p + c]).as(key + " face " + i + " landmark " + p)
              .isCloseTo(marks.get(p).getAsJsonArray().get(c).getAsFloat(), within(1e-2f));
        }
      }
    }
  }

  private static String sha256(Picture picture) throws NoSuchAlgorithmException {
    MessageDigest digest = MessageDigest.getInstance("SHA-256");
    ByteBuffer rgb = picture.rgb();
    digest.update(rgb);
    return HexFormat.of().formatHex(digest.digest());
  }

  private static JsonObject json(String relative) throws IOException {
    return JsonParser.parseString(Files.readString(SharedData.path(relative))).getAsJsonObject();
  }
}
