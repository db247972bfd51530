package dev.findmypic.models.ocr.ppocr;

import java.util.List;
import org.opencv.core.Core;
import org.opencv.core.Mat;

/**
 * PP-OCR's text-direction classifier: turns a line crop by 180 degrees when the network says "upside down" with more
 * than the threshold's confidence (input 48 x 192, batches of 6, as PaddleOCR).
 */
final class AngleClassifier {
  private static final int HEIGHT = 48;
  private static final int WIDTH = 192;
  private static final int BATCH = 6;

  private final OnnxNet net;
  private final float threshold;

  AngleClassifier(OnnxNet net, float threshold) {
    this.net = net;
    this.threshold = threshold;
  }

  /**
   * Rotates in place the crops that are upside down.
   *
   * @return how many were rotated
   */
  int uprightInPlace(List<Mat> crops) {
    int rotated = 0;
    for (int start = 0; start < crops.size(); start += BATCH) {
      List<Mat> batch = crops.subList(start, Math.min(crops.size(), start + BATCH));
      OnnxNet.Tensor out = net.run(LineBatch.of(batch, HEIGHT, WIDTH));
      for (int i = 0; i < batch.size(); i++) {
        float upright = out.data()[2 * i];
        float flipped = out.data()[2 * i + 1];
        if (flipped > upright && flipped > threshold) {
          Core.rotate(batch.get(i), batch.get(i), Core.ROTATE_180);
          rotated++;
        }
      }
    }
    return rotated;
  }
}
