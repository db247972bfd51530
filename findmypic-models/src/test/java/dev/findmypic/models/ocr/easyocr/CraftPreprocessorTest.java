package dev.findmypic.models.ocr.easyocr;

import static org.assertj.core.api.Assertions.assertThat;

import dev.findmypic.core.Picture;
import dev.findmypic.core.testing.SharedData;
import org.junit.jupiter.api.Test;

/** The detector's input against EasyOCR's {@code craft.photo.input}. */
class CraftPreprocessorTest {
  private final CraftPreprocessor pre = new CraftPreprocessor(2560, 1f);

  @Test
  void normalisedCanvasIsEasyOcrs() {
    ReferenceTensors ref = ReferenceTensors.load();
    // the reference canvas is the 348x348 receipt on a 352x352 zero canvas
    byte[] canvas = ref.bytesOf("craft.photo.canvas_uint8_hwc");
    byte[] photo = new byte[348 * 348 * 3];
    for (int y = 0; y < 348; y++) {
      System.arraycopy(canvas, y * 352 * 3, photo, y * 348 * 3, 348 * 3);
    }
    CraftPreprocessor.Canvas c = pre.prepare(Picture.ofRgb(348, 348, photo));
    assertThat(c.width()).isEqualTo(352);
    assertThat(c.height()).isEqualTo(352);
    assertThat(c.ratio()).isEqualTo(1.0);
    assertThat(ReferenceTensors.maxAbsDiff(ref.floats("craft.photo.input"), c.chw())).isLessThan(1e-6);
  }

  @Test
  void decodedReceiptMatchesEasyOcrsPixels() {
    ReferenceTensors ref = ReferenceTensors.load();
    Picture p = TestPictures.decode(SharedData.path("fixtures/ocr/receipts/wildreceipt/2.jpeg"));
    double diff = ReferenceTensors.maxAbsDiff(ref.floats("craft.photo.input"), pre.prepare(p).chw());
    System.out.printf("receipt decoded by OpenCV vs skimage, normalised: max |diff| = %.3g%n", diff);
    // one grey level is 1/(0.224*255) = 0.0175 after normalisation
    assertThat(diff).isLessThan(0.1);
  }

  @Test
  void largePicturesAreScaledToTheCanvasAndPaddedToMultiplesOf32() {
    CraftPreprocessor.Canvas c = pre.prepare(Picture.ofRgb(3000, 100, new byte[3000 * 100 * 3]));
    // ratio 2560/3000: 2560 x int(100*0.8533) = 85 -> padded to 96
    assertThat(c.ratio()).isEqualTo(2560.0 / 3000);
    assertThat(c.width()).isEqualTo(2560);
    assertThat(c.height()).isEqualTo(96);
    // zero pixels and zero padding normalise alike: (0 - 0.485*255) / (0.229*255)
    assertThat(c.chw()[0]).isEqualTo((0f - (float) (0.485 * 255)) / (float) (0.229 * 255));
    assertThat(c.chw()[95 * 2560 + 5]).isEqualTo(c.chw()[0]);
  }
}
