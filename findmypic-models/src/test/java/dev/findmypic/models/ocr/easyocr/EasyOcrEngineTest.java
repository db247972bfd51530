package dev.findmypic.models.ocr.easyocr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.findmypic.core.ModelFormatException;
import dev.findmypic.core.OcrResult;
import dev.findmypic.core.Picture;
import dev.findmypic.core.testing.SharedData;
import dev.findmypic.models.checkpoint.DeterministicWeights;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The whole pipeline with deterministic weights (no real weights exist here). */
class EasyOcrEngineTest {
  private static EasyOcrEngine engine;

  @BeforeAll
  static void open() {
    try (var craft = DeterministicWeights.fromKeys(SharedData.path("reference/easyocr/craft_state_dict_keys.txt"), "");
        var rec = DeterministicWeights.fromKeys(
            SharedData.path("reference/easyocr/recognizer_state_dict_keys.txt"), "module.")) {
      engine = EasyOcrEngine.of(craft, rec, EasyOcrSettings.defaults(), "deterministic");
    }
  }

  @AfterAll
  static void close() {
    engine.close();
  }

  @Test
  void receiptGivesNoBoxWithTheseWeightsAsEasyOcrDid() {
    // EasyOCR with the same weights: region map within [-0.150, -0.088] on this photo, below low_text: 0 boxes
    Picture p = TestPictures.decode(SharedData.path("fixtures/ocr/receipts/wildreceipt/2.jpeg"));
    assertThat(engine.readText(p)).isEmpty();
    assertThat(engine.read(p)).isSameAs(OcrResult.EMPTY);
  }

  @Test
  void infoNamesTheModel() {
    assertThat(engine.info().id()).isEqualTo(EasyOcrModels.ID);
    assertThat(engine.info().revision()).isEqualTo("deterministic");
  }

  @Test
  void aCheckpointWithoutTheDetectorsTensorsIsRefusedNamingTheTensor() {
    try (var wrong = DeterministicWeights.fromKeys(
            SharedData.path("reference/easyocr/recognizer_state_dict_keys.txt"), "");
        var rec = DeterministicWeights.fromKeys(
            SharedData.path("reference/easyocr/recognizer_state_dict_keys.txt"), "")) {
      assertThatThrownBy(() -> EasyOcrEngine.of(wrong, rec, EasyOcrSettings.defaults(), "x"))
          .isInstanceOf(ModelFormatException.class)
          .hasMessageContaining("basenet.slice1.0.weight")
          .hasMessageContaining("recognizer_state_dict_keys.txt");
    }
  }

  @Test
  void recognisesCropsOfEveryKindAndRetriesLowConfidence() {
    // a picture with a dark bar on light ground; lines, a vertical box and a tilted box cut from it
    int w = 200;
    int h = 120;
    byte[] rgb = new byte[w * h * 3];
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        byte v = (byte) ((y > 40 && y < 60 && x > 20 && x < 180) ? 30 : 220);
        rgb[(y * w + x) * 3] = v;
        rgb[(y * w + x) * 3 + 1] = v;
        rgb[(y * w + x) * 3 + 2] = v;
      }
    }
    try (CropExtractor cropper = new CropExtractor(Picture.ofRgb(w, h, rgb))) {
      Crop line = cropper.line(new LineBox(-5, 150, 30, 70)).orElseThrow();
      // clipped to x 0..150, y 30..70: 150x40, ratio 3.75 -> 240x64, padded to 4*64
      assertThat(line.box()).extracting(p -> p.x()).containsExactly(0f, 150f, 150f, 0f);
      assertThat(line.width()).isEqualTo(240);
      assertThat(line.height()).isEqualTo(64);
      assertThat(line.paddedWidth()).isEqualTo(256);
      Crop vertical = cropper.line(new LineBox(10, 30, 0, 100)).orElseThrow();
      // 20x100: width 64, height int(64*5) = 320, padded to 5*64
      assertThat(vertical.width()).isEqualTo(64);
      assertThat(vertical.height()).isEqualTo(320);
      assertThat(vertical.paddedWidth()).isEqualTo(320);
      assertThat(cropper.line(new LineBox(300, 400, 0, 50))).isEmpty();
      var free = cropper.free(new Quad(new dev.findmypic.core.Point(20, 50), new dev.findmypic.core.Point(120, 30),
          new dev.findmypic.core.Point(124, 50), new dev.findmypic.core.Point(24, 70))).orElseThrow();
      // sides int(|(100,-20)|) = 101 and int(|(4,20)|) = 20: 101x20 -> int(64*5.05) = 323 x 64, padded to 6*64
      assertThat(free.width()).isEqualTo(323);
      assertThat(free.paddedWidth()).isEqualTo(384);

      try (var manager = ai.djl.ndarray.NDManager.newBaseManager("PyTorch")) {
        TextRecognizer rec = recognizer(manager);
        List<Recognition> together = rec.recognize(List.of(line, vertical, free, line), manager);
        assertThat(together).hasSize(4);
        assertThat(together.get(3)).isEqualTo(together.get(0));
        // a crop read alone gives what it gives in a batch (up to float rounding)
        Recognition alone = rec.recognize(List.of(free), manager).get(0);
        assertThat(alone.text()).isEqualTo(together.get(2).text());
        assertThat(alone.confidence()).isCloseTo(together.get(2).confidence(), within(1e-5));
        assertThat(together).allSatisfy(r -> assertThat(r.confidence()).isBetween(0.0, 1.0));
      }
    }
  }

  private static TextRecognizer recognizer(ai.djl.ndarray.NDManager manager) {
    try (var rec = DeterministicWeights.fromKeys(
        SharedData.path("reference/easyocr/recognizer_state_dict_keys.txt"), "module.")) {
      return new TextRecognizer(RecognizerNet.load(new StateDict(rec), 97, manager),
          new CtcGreedyDecoder(EnglishG2.CHARACTERS), 0.1, 0.5);
    }
  }
}
