package dev.findmypic.models.ocr.easyocr;

import dev.findmypic.core.ModelException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where EasyOCR keeps its weights and what they are: {@code craft_mlt_25k.pth} and {@code english_g2.pth} in
 * {@code $EASYOCR_MODULE_PATH/model}, else {@code $MODULE_PATH/model}, else {@code ~/.EasyOCR/model}, with the md5
 * sums EasyOCR's {@code config.py} publishes.
 */
public final class EasyOcrModels {
  private static final Logger LOG = LoggerFactory.getLogger(EasyOcrModels.class);
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

  /**
   * @return the file in the directory
   * @throws ModelException naming the file and the ways to get it if it is missing
   */
  static Path file(Path directory, String name) {
    Path file = directory.resolve(name);
    if (!Files.isRegularFile(file)) {
      throw new ModelException("EasyOCR model file not found: " + file + ". Run EasyOCR once (it downloads "
          + name + " to ~/.EasyOCR/model), let the model store fetch it from " + URLS.get(name)
          + ", or point EASYOCR_MODULE_PATH at a directory whose model/ folder has it.");
    }
    return file;
  }

  /**
   * @param file a model file
   * @param published EasyOCR's md5 of it, to warn on a difference
   * @return the file's md5, hex
   * @throws ModelException naming the file if it cannot be read
   */
  static String md5(Path file, String published) {
    try (InputStream in = Files.newInputStream(file)) {
      MessageDigest md = MessageDigest.getInstance("MD5");
      byte[] buffer = new byte[1 << 16];
      for (int n; (n = in.read(buffer)) > 0; ) {
        md.update(buffer, 0, n);
      }
      String sum = HexFormat.of().formatHex(md.digest());
      if (!sum.equals(published)) {
        LOG.warn("{}: md5 {} differs from EasyOCR's published {}; using it as it is", file, sum, published);
      }
      return sum;
    } catch (IOException e) {
      throw new ModelException("cannot read EasyOCR model file " + file + ": " + e.getMessage(), e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("MD5 is missing from this JVM", e);
    }
  }
}
