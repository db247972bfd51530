package dev.findmypic.models.ocr.easyocr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.findmypic.core.ModelException;
import dev.findmypic.core.ModelFormatException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Finding and opening EasyOCR's weight files. */
class EasyOcrModelsTest {
  @Test
  void directoryFollowsEasyOcrsEnvironmentOrder() {
    assertThat(EasyOcrModels.directory("/e", "/m", "/home/u")).isEqualTo(Path.of("/e/model"));
    assertThat(EasyOcrModels.directory(null, "/m", "/home/u")).isEqualTo(Path.of("/m/model"));
    assertThat(EasyOcrModels.directory("", "", "/home/u")).isEqualTo(Path.of("/home/u/.EasyOCR/model"));
  }

  @Test
  void missingFileIsNamedWithTheWaysToGetIt(@TempDir Path empty) {
    assertThatThrownBy(() -> EasyOcrEngine.open(empty, EasyOcrSettings.defaults()))
        .isInstanceOf(ModelException.class)
        .hasMessageContaining(empty.resolve("craft_mlt_25k.pth").toString())
        .hasMessageContaining("EASYOCR_MODULE_PATH");
  }

  @Test
  void legacyAndZipFilesAreReadAndAMisshapenTensorIsNamed() throws Exception {
    Path dir = Path.of(EasyOcrModelsTest.class.getResource("/easyocr/misshapen_models").toURI());
    assertThatThrownBy(() -> EasyOcrEngine.open(dir, EasyOcrSettings.defaults()))
        .isInstanceOf(ModelFormatException.class)
        .hasMessageContaining("craft_mlt_25k.pth")
        .hasMessageContaining("'basenet.slice1.0.weight' has shape [64, 3, 3, 2], expected [64, 3, 3, 3]");
  }
}
