package dev.findmypic.models.ocr.easyocr;

import java.nio.file.Path;
import java.util.Map;

/**
 * Where EasyOCR keeps its weights and what they are: {@code craft_mlt_25k.pth} and {@code english_g2.pth} in
 * {@code $EASYOCR_MODULE_PATH/model}, else {@code $MODULE_PATH/model}, else {@code ~/.EasyOCR/model}, with the md5
 * sums EasyOCR's {@code config.py} publishes.
 */
public final class EasyOcrModels {
  /** The model id reported in {@link EasyOcrEngine#info()}. */
  public static final String ID = "JaidedAI/EasyOCR:craft_mlt_25k+english_g2";
  /** The detector's file name. */
  public static final String DETECTOR_FILE = "craft_mlt_25k.pth";
  /** The recogniser's file name. */
  public static final String RECOGNIZER_FILE = "english_g2.pth";
  /** EasyOCR's md5 of the detector file. */
  public static final String DETECTOR_MD5 = "2f8227d2def4037cdb3b34389dcf9ec1";
  /** EasyOCR's md5 of the recogniser file. */
  public static final String RECOGNIZER_MD5 = "5864788e1821be9e454ec108d61b887d";
  /** EasyOCR's release archives holding the two files. */
  public static final Map<String, String> URLS = Map.of(
      DETECTOR_FILE, "https://github.com/JaidedAI/EasyOCR/releases/download/pre-v1.1.6/craft_mlt_25k.zip",
      RECOGNIZER_FILE, "https://github.com/JaidedAI/EasyOCR/releases/download/v1.3/english_g2.zip");

  private EasyOcrModels() {}

  /** @return EasyOCR's model directory for this process's environment */
  public static Path defaultDirectory() {
    return directory(System.getenv("EASYOCR_MODULE_PATH"), System.getenv("MODULE_PATH"),
        System.getProperty("user.home"));
  }

  static Path directory(String easyOcrModulePath, String modulePath, String home) {
    if (easyOcrModulePath != null && !easyOcrModulePath.isEmpty()) {
      return Path.of(easyOcrModulePath, "model");
    }
    if (modulePath != null && !modulePath.isEmpty()) {
      return Path.of(modulePath, "model");
    }
    return Path.of(home, ".EasyOCR", "model");
  }
}
