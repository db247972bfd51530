package dev.findmypic.models.ocr.ppocr;

import dev.findmypic.core.ModelException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/** The revision of a model made of several files: the first 16 hex digits of the SHA-256 over their contents. */
final class ModelFiles {
  private ModelFiles() {}

  static String revision(List<Path> files) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      byte[] buffer = new byte[1 << 16];
      for (Path file : files) {
        if (!Files.isRegularFile(file)) {
          throw new ModelException("PP-OCR model file missing: " + file + " (the model is " + files + ")");
        }
        try (InputStream in = Files.newInputStream(file)) {
          for (int n = in.read(buffer); n > 0; n = in.read(buffer)) {
            sha.update(buffer, 0, n);
          }
        }
      }
      return HexFormat.of().formatHex(sha.digest()).substring(0, 16);
    } catch (IOException e) {
      throw new ModelException("cannot read the PP-OCR model " + files + ": " + e.getMessage(), e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
