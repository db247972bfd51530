package dev.findmypic.models.ocr.easyocr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.findmypic.core.Point;
import dev.findmypic.core.testing.SharedData;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code getDetBoxes} on the reference score maps, against EasyOCR's boxes in {@code craft_postprocess.json}. */
class CraftPostprocessorTest {
  private final CraftPostprocessor post = new CraftPostprocessor(0.7f, 0.4f, 0.4f);

  @Test
  void syntheticMapsGiveEasyOcrsSixBoxes() throws Exception {
    ReferenceTensors ref = ReferenceTensors.load();
    ScoreMaps maps = new ScoreMaps(ref.floats("postproc.synth.region"), ref.floats("postproc.synth.affinity"), 160, 96);
    JsonObject expected = json().getAsJsonObject("synthetic");

    List<CraftPostprocessor.Detection> found = post.boxes(maps);

    JsonArray boxes = expected.getAsJsonArray("boxes_heatmap_coords");
    JsonArray labels = expected.getAsJsonArray("mapper_labels");
    assertThat(found).hasSize(boxes.size());
    for (int i = 0; i < found.size(); i++) {
      assertThat(found.get(i).label()).isEqualTo(labels.get(i).getAsInt());
      assertCorners(found.get(i).box().points(), boxes.get(i).getAsJsonArray(), 1e-3);
      JsonArray x2 = expected.getAsJsonArray("boxes_x2").get(i).getAsJsonArray();
      assertCorners(found.get(i).box().scaled(2f, 2f).points(), x2, 2e-3);
      // get_textbox: the picture-pixel corners truncated to int32
      int[] poly = EasyOcrEngine.toPicture(found.get(i).box(), 1.0);
      for (int c = 0; c < 4; c++) {
        assertThat(poly[2 * c]).isEqualTo((int) x2.get(c).getAsJsonArray().get(0).getAsDouble());
        assertThat(poly[2 * c + 1]).isEqualTo((int) x2.get(c).getAsJsonArray().get(1).getAsDouble());
      }
    }
  }

  @Test
  void photoMapsWithDeterministicWeightsGiveNoBox() {
    ReferenceTensors ref = ReferenceTensors.load();
    ScoreMaps maps = new ScoreMaps(ref.floats("craft.photo.region"), ref.floats("craft.photo.affinity"), 176, 176);
    assertThat(post.boxes(maps)).isEmpty();
  }

  private static void assertCorners(List<Point> actual, JsonArray expected, double tolerance) {
    for (int c = 0; c < 4; c++) {
      JsonArray xy = expected.get(c).getAsJsonArray();
      assertThat((double) actual.get(c).x()).as("corner %d x", c).isCloseTo(xy.get(0).getAsDouble(), within(tolerance));
      assertThat((double) actual.get(c).y()).as("corner %d y", c).isCloseTo(xy.get(1).getAsDouble(), within(tolerance));
    }
  }

  private static JsonObject json() throws Exception {
    return JsonParser.parseString(Files.readString(SharedData.path("reference/easyocr/craft_postprocess.json"),
        StandardCharsets.UTF_8)).getAsJsonObject();
  }
}
