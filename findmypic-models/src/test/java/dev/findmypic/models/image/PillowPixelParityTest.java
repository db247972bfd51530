package dev.findmypic.models.image;

import static org.assertj.core.api.Assertions.assertThat;

import dev.findmypic.core.Picture;
import dev.findmypic.core.testing.SharedData;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Our decoder's RGB against Pillow's {@code convert("RGB")} on lossless files (palette, 1-bit, interlaced, 16-bit,
 * GIF, palette BMP, G4 and LZW TIFF), made by {@code tools/formats/pil_reference.py}. Exact, except 16-bit files, where
 * Pillow keeps the high byte and we round {@code v / 257}: at most 1 apart.
 */
class PillowPixelParityTest {
  private final OpenCvPhotoDecoder decoder = new OpenCvPhotoDecoder();

  static List<String[]> rows() throws IOException {
    List<String[]> rows = new ArrayList<>();
    try (InputStream in = resource("index.tsv")) {
      String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n");
      for (int i = 1; i < lines.length; i++) {
        rows.add(lines[i].split("\t"));
      }
    }
    return rows;
  }

  private static InputStream resource(String name) {
    InputStream in = PillowPixelParityTest.class.getResourceAsStream("/formats-pil/" + name);
    if (in == null) {
      throw new AssertionError("missing test resource formats-pil/" + name);
    }
    return in;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rows")
  void pixelsMatchPillow(String path, String width, String height, String file) throws IOException {
    Picture picture = decoder.decode(SharedData.path("fixtures/formats/" + path), 0).picture();
    byte[] expected;
    try (InputStream in = new GZIPInputStream(resource(file))) {
      expected = in.readAllBytes();
    }
    assertThat(picture.width()).isEqualTo(Integer.parseInt(width));
    assertThat(picture.height()).isEqualTo(Integer.parseInt(height));
    byte[] actual = picture.copyRgb();
    int maxDiff = 0;
    for (int i = 0; i < expected.length; i++) {
      maxDiff = Math.max(maxDiff, Math.abs((expected[i] & 0xFF) - (actual[i] & 0xFF)));
    }
    assertThat(maxDiff).as("largest channel difference").isLessThanOrEqualTo(path.contains("16") ? 1 : 0);
  }
}
