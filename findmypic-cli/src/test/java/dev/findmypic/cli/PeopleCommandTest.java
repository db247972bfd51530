package dev.findmypic.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.findmypic.core.testing.SharedData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code findmypic people} end to end with real models (YuNet and dlib's ResNet from {@code ../shared}, given with
 * {@code --model faces=DIR}) on face_recognition's example photos: enrol Obama and Biden from their own photos, then
 * tell them apart in the photo of both.
 */
class PeopleCommandTest {
  @TempDir static Path dataDir;
  @TempDir static Path faceModels;
  static CliRunner cli;
  static String faces;

  @BeforeAll
  static void linkTheFaceModels() throws IOException {
    // the faces role's directory holds the detector and the embedder side by side
    for (String f : new String[] {"models/face-api-recognition/face_recognition_model-weights_manifest.json",
        "models/face-api-recognition/face_recognition_model.bin", "models/yunet/face_detection_yunet_2026may.onnx"}) {
      Path source = SharedData.path(f);
      Files.copy(source, faceModels.resolve(source.getFileName()));
    }
    cli = new CliRunner(dataDir);
    faces = "faces=" + faceModels;
  }

  private static String photo(String name) {
    return SharedData.path("fixtures/faces/face_recognition/examples/" + name).toString();
  }

  @Test
  void enrolThenIdentifyListAndForget() {
    CliRunner.Result obama = cli.run("--model", faces, "people", "enroll", "Barack Obama", photo("obama.jpg"));
    assertThat(obama.exitCode()).as(obama.err()).isZero();
    assertThat(obama.out()).contains("enrolled Barack Obama from").contains("obama.jpg");
    CliRunner.Result biden = cli.run("--model", faces, "people", "enroll", "Joe Biden", photo("biden.jpg"), "--json");
    assertThat(biden.exitCode()).as(biden.err()).isZero();
    assertThat(JsonParser.parseString(biden.out()).getAsJsonArray().get(0).getAsJsonObject().get("person")
        .getAsString()).isEqualTo("Joe Biden");

    CliRunner.Result both = cli.run("--model", faces, "people", "identify", photo("two_people.jpg"), "--json");
    assertThat(both.exitCode()).as(both.err()).isZero();
    JsonArray found = JsonParser.parseString(both.out()).getAsJsonArray();
    assertThat(found).hasSize(2);
    // labels.csv: Obama on the left, Biden on the right
    JsonObject left = found.get(0).getAsJsonObject();
    JsonObject right = found.get(1).getAsJsonObject();
    if (box(left) > box(right)) {
      JsonObject t = left;
      left = right;
      right = t;
    }
    assertThat(left.get("person").getAsString()).isEqualTo("Barack Obama");
    assertThat(right.get("person").getAsString()).isEqualTo("Joe Biden");
    assertThat(left.get("distance").getAsDouble()).isLessThanOrEqualTo(left.get("threshold").getAsDouble());

    CliRunner.Result stranger = cli.run("--model", faces, "people", "identify",
        SharedData.path("fixtures/faces/face-api.js/expressions/happy.jpg").toString());
    assertThat(stranger.exitCode()).as(stranger.err()).isZero();
    assertThat(stranger.out()).contains("unknown").contains("1 face;");

    CliRunner.Result list = cli.run("--model", faces, "people", "list");
    assertThat(list.out()).contains("Barack Obama").contains("Joe Biden").contains("2 people");

    assertThat(cli.run("--model", faces, "people", "forget", "Joe Biden").out()).contains("forgot Joe Biden (1 reference)");
    CliRunner.Result again = cli.run("--model", faces, "people", "forget", "Joe Biden");
    assertThat(again.exitCode()).isEqualTo(1);
    assertThat(again.err()).contains("nobody named \"Joe Biden\" is enrolled");
  }

  @Test
  void aPhotoWithoutAFaceIsOneClearLine() {
    CliRunner.Result r = cli.run("--model", faces, "people", "enroll", "Nobody",
        SharedData.path("fixtures/faces/dlib/no_people/horses.jpg").toString());
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.err().strip().lines()).hasSize(1);
    assertThat(r.err()).contains("no face found in").contains("horses.jpg");
  }

  private static double box(JsonObject face) {
    return face.getAsJsonObject("box").get("x").getAsDouble();
  }
}
