package dev.findmypic.models.ocr.easyocr;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.findmypic.models.image.PillowResize;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * Pillow's bicubic resize and numpy's percentile against the values Pillow 9.4 and numpy 1.24 computed
 * ({@code tools/easyocr/make_fixtures.py}).
 */
class ImageOpsTest {
  private static JsonObject fixture() throws Exception {
    try (var in = ImageOpsTest.class.getResourceAsStream("/easyocr/image_ops.json")) {
      return JsonParser.parseReader(new InputStreamReader(in, StandardCharsets.UTF_8)).getAsJsonObject();
    }
  }

  private static byte[] bytes(JsonArray a) {
    byte[] b = new byte[a.size()];
    for (int i = 0; i < b.length; i++) {
      b[i] = (byte) a.get(i).getAsInt();
    }
    return b;
  }

  @Test
  void bicubicResizeIsPillowsBitForBit() throws Exception {
    for (JsonElement e : fixture().getAsJsonArray("pillow_bicubic")) {
      JsonObject c = e.getAsJsonObject();
      byte[] out = PillowResize.resize(bytes(c.getAsJsonArray("src")), 1, c.get("width").getAsInt(),
          c.get("height").getAsInt(), c.get("out_width").getAsInt(), c.get("out_height").getAsInt(),
          PillowResize.Filter.BICUBIC);
      assertThat(out).as("%sx%s -> %sx%s", c.get("width"), c.get("height"), c.get("out_width"), c.get("out_height"))
          .containsExactly(bytes(c.getAsJsonArray("out")));
    }
  }

  @Test
  void percentilesAreNumpys() throws Exception {
    for (JsonElement e : fixture().getAsJsonArray("percentiles")) {
      JsonObject c = e.getAsJsonObject();
      int[] sorted = c.getAsJsonArray("values").asList().stream().mapToInt(JsonElement::getAsInt).sorted().toArray();
      assertThat(ContrastAdjuster.percentile(sorted, 0.9)).isEqualTo(c.get("p90").getAsDouble());
      assertThat(ContrastAdjuster.percentile(sorted, 0.1)).isEqualTo(c.get("p10").getAsDouble());
    }
  }

  @Test
  void lowContrastCropIsStretchedAndHighContrastLeftAlone() {
    // 90 % of the pixels at 100, 10 % at 110: p10 = 100, p90 = 109 (numpy's linear interpolation)... use exact levels
    byte[] flat = new byte[100];
    for (int i = 0; i < 100; i++) {
      flat[i] = (byte) (i < 50 ? 100 : 120);
    }
    // p10 = 100, p90 = 120: contrast 20/220 < 0.5, ratio 200/20 = 10: 100 -> (100-100+25)*10 = 250, 120 -> 255 (clipped)
    byte[] out = ContrastAdjuster.adjust(flat, 0.5);
    assertThat(out[0] & 0xFF).isEqualTo(250);
    assertThat(out[99] & 0xFF).isEqualTo(255);
    byte[] sharp = new byte[100];
    for (int i = 50; i < 100; i++) {
      sharp[i] = (byte) 255;
    }
    assertThat(ContrastAdjuster.adjust(sharp, 0.5)).isSameAs(sharp);
  }
}
