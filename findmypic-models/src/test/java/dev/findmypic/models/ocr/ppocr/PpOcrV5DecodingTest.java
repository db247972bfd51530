package dev.findmypic.models.ocr.ppocr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.findmypic.core.ModelException;
import dev.findmypic.core.store.ModelRef;
import dev.findmypic.core.store.ResolvedModel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What PP-OCRv5 changes for inference, without its weights: the dictionary (its first character is the ideographic
 * space U+3000, and it has characters outside the Basic Multilingual Plane), the class layout the decoder expects,
 * and where the files are found.
 */
class PpOcrV5DecodingTest {
  /** The first lines of PaddleOCR's ppocrv5_dict.txt, and three of its supplementary-plane characters. */
  private static final List<String> V5_LINES = List.of("\u3000", "一", "乙", "a", "b", "𬉼", "𠳐", "𫭟");

  @TempDir Path tmp;

  private CharacterDictionary v5Dictionary() throws Exception {
    Path file = tmp.resolve("ppocrv5_dict.txt");
    Files.writeString(file, String.join("\n", V5_LINES) + "\n", StandardCharsets.UTF_8);
    return CharacterDictionary.load(file);
  }

  /** One-hot probabilities over {@code classes} for the given class per time step, at probability {@code p}. */
  private static float[] steps(int classes, float p, int... best) {
    float[] probs = new float[best.length * classes];
    for (int t = 0; t < best.length; t++) {
      java.util.Arrays.fill(probs, t * classes, (t + 1) * classes, (1 - p) / (classes - 1));
      probs[t * classes + best[t]] = p;
    }
    return probs;
  }

  @Test
  void classesAreBlankThenEveryLineThenSpace() throws Exception {
    CharacterDictionary d = v5Dictionary();

    assertThat(d.size()).isEqualTo(V5_LINES.size() + 2);
    assertThat(d.symbol(0)).isEmpty();
    assertThat(d.symbol(2)).isEqualTo("一");
    assertThat(d.symbol(6)).isEqualTo("𬉼");
    assertThat(d.symbol(d.size() - 1)).isEqualTo(" ");
  }

  @Test
  void theIdeographicSpaceReadsAsASpace() throws Exception {
    CharacterDictionary d = v5Dictionary();
    int classes = d.size();

    // "a", U+3000, U+3000 (a repeat, merged), blank, "b": PaddleOCR returns "a\u3000b"
    CtcDecoder.Decoded decoded = new CtcDecoder(d).decode(steps(classes, 0.9f, 4, 1, 1, 0, 5), 0, 5, classes);

    assertThat(decoded.text()).isEqualTo("a b");
    assertThat(decoded.first()).containsExactly(0, 1, 4);
    assertThat(decoded.last()).containsExactly(0, 2, 4);
  }

  @Test
  void supplementaryCharactersDecodeWhole() throws Exception {
    CharacterDictionary d = v5Dictionary();
    int classes = d.size();

    CtcDecoder.Decoded decoded = new CtcDecoder(d).decode(steps(classes, 0.8f, 6, 0, 6, 7, 2), 0, 5, classes);

    assertThat(decoded.text()).isEqualTo("𬉼𬉼𠳐一");
    assertThat(decoded.confidence()).isCloseTo(0.8f, org.assertj.core.data.Offset.offset(1e-6f));
  }

  @Test
  void aRecogniserWithAnotherClassCountIsRefused() throws Exception {
    CharacterDictionary d = v5Dictionary();

    // PP-OCRv4's recogniser scores 6625 classes
    assertThatThrownBy(() -> new CtcDecoder(d).decode(new float[6625], 0, 1, 6625))
        .hasMessageContaining("6625 classes")
        .hasMessageContaining("gives " + d.size());
  }

  private Path touch(Path dir, String... names) throws Exception {
    Files.createDirectories(dir);
    for (String n : names) {
      Files.writeString(dir.resolve(n), "x");
    }
    return dir;
  }

  @Test
  void aDirectoryIsReadAsV5ByItsFileNames() throws Exception {
    Path dir = touch(tmp.resolve("v5"), PpOcrModel.V5_DETECTOR, PpOcrModel.V5_RECOGNIZER, PpOcrModel.V5_DICTIONARY);

    PpOcrModel m = PpOcrModel.inDirectory(dir);

    assertThat(m.name()).isEqualTo("paddleocr/PP-OCRv5-mobile");
    assertThat(m.detector()).isEqualTo(dir.resolve(PpOcrModel.V5_DETECTOR));
    assertThat(m.recognizer()).isEqualTo(dir.resolve(PpOcrModel.V5_RECOGNIZER));
    assertThat(m.dictionary()).isEqualTo(dir.resolve(PpOcrModel.V5_DICTIONARY));
    assertThat(m.classifier()).isEmpty();

    touch(dir, PpOcrModel.CLASSIFIER);
    assertThat(PpOcrModel.inDirectory(dir).classifier()).contains(dir.resolve(PpOcrModel.CLASSIFIER));
  }

  @Test
  void aDirectoryWithNeitherModelNamesBothLayouts() throws Exception {
    Path dir = touch(tmp.resolve("empty"), "readme.txt");

    assertThatThrownBy(() -> PpOcrModel.inDirectory(dir))
        .isInstanceOf(ModelException.class)
        .hasMessageContaining(dir.toString())
        .hasMessageContaining(PpOcrModel.V4_DETECTOR)
        .hasMessageContaining(PpOcrModel.V5_DETECTOR)
        .hasMessageContaining(PpOcrModel.V5_DICTIONARY);
  }

  @Test
  void resolvedModelsWithoutAPpOcrModelGiveNone() throws Exception {
    Path dir = touch(tmp.resolve("tessdata"), "eng.traineddata");

    assertThat(PpOcrModel.find(List.of(new ResolvedModel(new ModelRef.Local(dir), dir, "x",
        ResolvedModel.Source.LOCAL)))).isEmpty();
  }
}
