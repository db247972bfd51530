package dev.findmypic.models.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.InputStreamReader;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/**
 * {@link PillowResize} against Pillow 9.4's own {@code Image.resize} and {@code crop(box).resize} with BICUBIC and
 * BILINEAR, on RGB and grey images ({@code tools/pil_resize_cases.py}).
 */
class PillowResizeTest {
  @Test
  void resizeAndCropResizeEqualPillowByteForByte() throws Exception {
    JsonObject fixture = fixture();
    int w = fixture.get("width").getAsInt();
    int h = fixture.get("height").getAsInt();
    int checked = 0;
    for (JsonElement e : fixture.getAsJsonArray("cases")) {
      JsonObject c = e.getAsJsonObject();
      boolean rgb = c.get("mode").getAsString().equals("RGB");
      byte[] source = decode(fixture.get(rgb ? "rgb" : "grey").getAsString());
      PillowResize.Filter filter = PillowResize.Filter.valueOf(c.get("filter").getAsString());
      JsonArray box = c.getAsJsonArray("box");
      int x0 = box.get(0).getAsInt();
      int y0 = box.get(1).getAsInt();
      int outW = c.get("width").getAsInt();
      int outH = c.get("height").getAsInt();
      byte[] actual = PillowResize.resizeCrop(source, rgb ? 3 : 1, w, x0, y0, box.get(2).getAsInt() - x0,
          box.get(3).getAsInt() - y0, outW, outH, filter);
      assertThat(actual).as("%s %s %s -> %dx%d", filter, c.get("mode"), box, outW, outH)
          .isEqualTo(decode(c.get("out").getAsString()));
      checked++;
    }
    assertThat(checked).isEqualTo(42);
  }

  @Test
  void wholeImageResizeIsTheCropResizeOfTheWholeBox() throws Exception {
    JsonObject fixture = fixture();
    byte[] grey = decode(fixture.get("grey").getAsString());
    assertThat(PillowResize.resize(grey, 1, 97, 61, 31, 20, PillowResize.Filter.BICUBIC))
        .isEqualTo(PillowResize.resizeCrop(grey, 1, 97, 0, 0, 97, 61, 31, 20, PillowResize.Filter.BICUBIC));
  }

  @Test
  void regionEqualsTheCropOfTheWholeResize() throws Exception {
    JsonObject fixture = fixture();
    int w = fixture.get("width").getAsInt();
    int h = fixture.get("height").getAsInt();
    byte[] source = decode(fixture.get("rgb").getAsString());
    for (PillowResize.Filter filter : PillowResize.Filter.values()) {
      byte[] whole = PillowResize.resize(source, 3, w, h, 40, 25, filter);
      byte[] region = PillowResize.resizeRegion(ByteBuffer.wrap(source), 3, w, h, 40, 25, 7, 3, 20, 15, filter);
      for (int y = 0; y < 15; y++) {
        for (int x = 0; x < 20 * 3; x++) {
          assertThat(region[y * 60 + x]).as("%s at %d,%d", filter, x, y).isEqualTo(whole[(y + 3) * 120 + 7 * 3 + x]);
        }
      }
    }
  }

  @Test
  void kernelsArePillows() {
    PillowResize.Filter cubic = PillowResize.Filter.BICUBIC;
    assertThat(cubic.kernel(0)).isEqualTo(1.0);
    assertThat(cubic.kernel(1)).isEqualTo(0.0);
    assertThat(cubic.kernel(-0.5)).isEqualTo(0.5625);
    assertThat(cubic.kernel(1.5)).isEqualTo(-0.0625);
    assertThat(cubic.kernel(2.5)).isEqualTo(0.0);
    PillowResize.Filter linear = PillowResize.Filter.BILINEAR;
    assertThat(linear.kernel(0)).isEqualTo(1.0);
    assertThat(linear.kernel(-0.25)).isEqualTo(0.75);
    assertThat(linear.kernel(1)).isEqualTo(0.0);
  }

  @Test
  void rectanglesOutsideTheImageAreRefused() {
    byte[] rgb = new byte[4 * 4 * 3];
    assertThatThrownBy(() -> PillowResize.resizeCrop(rgb, 3, 4, 2, 0, 3, 4, 2, 2, PillowResize.Filter.BILINEAR))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("4 pixels wide");
    assertThatThrownBy(() -> PillowResize.resizeRegion(
            ByteBuffer.wrap(rgb), 3, 4, 4, 8, 8, 6, 0, 4, 4, PillowResize.Filter.BICUBIC))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not inside 8x8");
  }

  private static byte[] decode(String base64) {
    return Base64.getDecoder().decode(base64);
  }

  private static JsonObject fixture() throws Exception {
    try (var in = PillowResizeTest.class.getResourceAsStream("/image/pil_resize_cases.json")) {
      return JsonParser.parseReader(new InputStreamReader(in, StandardCharsets.UTF_8)).getAsJsonObject();
    }
  }
}
