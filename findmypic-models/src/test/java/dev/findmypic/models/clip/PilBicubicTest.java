package dev.findmypic.models.clip;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.InputStreamReader;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** {@link PilBicubic} against Pillow's own {@code Image.resize(..., BICUBIC)} (tools/pil_bicubic_cases.py). */
class PilBicubicTest {
  @Test
  void resizeEqualsPillowByteForByte() throws Exception {
    JsonObject fixture = fixture();
    int w = fixture.get("width").getAsInt();
    int h = fixture.get("height").getAsInt();
    byte[] source = Base64.getDecoder().decode(fixture.get("rgb").getAsString());
    for (JsonElement e : fixture.getAsJsonArray("cases")) {
      JsonObject c = e.getAsJsonObject();
      int outW = c.get("width").getAsInt();
      int outH = c.get("height").getAsInt();
      byte[] expected = Base64.getDecoder().decode(c.get("rgb").getAsString());
      assertThat(PilBicubic.resize(source, w, h, outW, outH)).as("%dx%d -> %dx%d", w, h, outW, outH)
          .isEqualTo(expected);
    }
  }

  @Test
  void regionEqualsTheCropOfTheWholeResize() throws Exception {
    JsonObject fixture = fixture();
    int w = fixture.get("width").getAsInt();
    int h = fixture.get("height").getAsInt();
    byte[] source = Base64.getDecoder().decode(fixture.get("rgb").getAsString());
    byte[] whole = PilBicubic.resize(source, w, h, 40, 25);
    byte[] region = PilBicubic.resizeRegion(ByteBuffer.wrap(source), w, h, 40, 25, 7, 3, 20, 15);
    for (int y = 0; y < 15; y++) {
      for (int x = 0; x < 20 * 3; x++) {
        assertThat(region[y * 60 + x]).isEqualTo(whole[(y + 3) * 120 + 7 * 3 + x]);
      }
    }
  }

  @Test
  void kernelIsKeysCubicWithAMinusHalf() {
    assertThat(PilBicubic.kernel(0)).isEqualTo(1.0);
    assertThat(PilBicubic.kernel(1)).isEqualTo(0.0);
    assertThat(PilBicubic.kernel(-0.5)).isEqualTo(0.5625);
    assertThat(PilBicubic.kernel(1.5)).isEqualTo(-0.0625);
    assertThat(PilBicubic.kernel(2.5)).isEqualTo(0.0);
  }

  private static JsonObject fixture() throws Exception {
    try (var in = PilBicubicTest.class.getResourceAsStream("/clip/pil_bicubic_cases.json")) {
      return JsonParser.parseReader(new InputStreamReader(in, StandardCharsets.UTF_8)).getAsJsonObject();
    }
  }
}
