package dev.findmypic.models.text.onnx;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Tells whether an ONNX file uses an operator, by looking for the operator's name among the file's bytes: ONNX is a
 * protobuf, and every node stores its {@code op_type} as a plain string. A weight tensor could hold the same bytes
 * by chance, so a hit means "probably"; for the long operator names asked about here that chance is negligible.
 */
final class OnnxGraphScan {
  /** The operator that quantises activations at run time, per tensor, in dynamically quantised int8 exports. */
  static final String DYNAMIC_QUANTIZE = "DynamicQuantizeLinear";

  private OnnxGraphScan() {}

  /**
   * Scans a file for an operator name.
   *
   * @param file the ONNX file
   * @param operator the operator's name, for example {@value #DYNAMIC_QUANTIZE}
   * @return true if the name occurs in the file
   * @throws IOException if the file cannot be read
   */
  static boolean mentions(Path file, String operator) throws IOException {
    byte[] pattern = operator.getBytes(StandardCharsets.US_ASCII);
    try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
      return contains(in, pattern);
    }
  }

  /** Knuth-Morris-Pratt over a stream, so that the file is read once and never held in memory. */
  static boolean contains(InputStream in, byte[] pattern) throws IOException {
    int[] failure = new int[pattern.length];
    for (int i = 1, k = 0; i < pattern.length; i++) {
      while (k > 0 && pattern[i] != pattern[k]) {
        k = failure[k - 1];
      }
      if (pattern[i] == pattern[k]) {
        k++;
      }
      failure[i] = k;
    }
    int matched = 0;
    for (int b = in.read(); b >= 0; b = in.read()) {
      while (matched > 0 && (byte) b != pattern[matched]) {
        matched = failure[matched - 1];
      }
      if ((byte) b == pattern[matched]) {
        matched++;
      }
      if (matched == pattern.length) {
        return true;
      }
    }
    return false;
  }
}
