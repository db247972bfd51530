package dev.findmypic.models.face.yunet;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.findmypic.core.ModelException;
import dev.findmypic.core.testing.SharedData;
import dev.findmypic.models.face.FaceDetector;
import dev.findmypic.models.face.FaceDetectorContract;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class YuNetDetectorTest extends FaceDetectorContract {
  static Path model() {
    return SharedData.path("models/yunet/face_detection_yunet_2026may.onnx");
  }

  @Override
  protected FaceDetector openDetector() {
    return YuNetDetector.open(model(), YuNetOptions.defaults());
  }

  /** Measured at the default score threshold 0.6: all 128 photos counted exactly (144 faces). */
  @Override
  protected double measuredPrecision() {
    return 1.0;
  }

  @Override
  protected double measuredRecall() {
    return 1.0;
  }

  @Test
  void namesAMissingOrCorruptModelFile(@TempDir Path dir) throws Exception {
    Path missing = dir.resolve("absent.onnx");
    assertThatThrownBy(() -> YuNetDetector.open(missing, YuNetOptions.defaults()))
        .isInstanceOf(ModelException.class).hasMessageContaining(missing.toString());
    Path corrupt = Files.write(dir.resolve("corrupt.onnx"), new byte[] {1, 2, 3, 4});
    assertThatThrownBy(() -> YuNetDetector.open(corrupt, YuNetOptions.defaults()))
        .isInstanceOf(ModelException.class).hasMessageContaining(corrupt.toString());
  }
}
