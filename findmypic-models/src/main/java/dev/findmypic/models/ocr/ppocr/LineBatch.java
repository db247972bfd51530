package dev.findmypic.models.ocr.ppocr;

import java.util.List;
import org.opencv.core.Mat;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;

/**
 * PaddleOCR's {@code resize_norm_img} for a batch of line crops: each resized to the model's height keeping its
 * aspect (at most the batch width), scaled to [-1, 1] and zero-padded on the right.
 */
final class LineBatch {
  private static final float[] HALF = {0.5f, 0.5f, 0.5f};

  private LineBatch() {}

  /**
   * @param crops the line images, 8-bit BGR
   * @param height the model's input height
   * @param width the batch's input width
   * @return a [crops, 3, height, width] tensor
   */
  static OnnxNet.Tensor of(List<Mat> crops, int height, int width) {
    int n = crops.size();
    float[] data = new float[n * 3 * height * width];
    float[] one = new float[3 * height * width];
    for (int i = 0; i < n; i++) {
      Mat crop = crops.get(i);
      int resizedWidth = resizedWidth(crop, height, width);
      Mat resized = new Mat();
      Imgproc.resize(crop, resized, new Size(resizedWidth, height));
      byte[] pixels = new byte[resizedWidth * height * 3];
      resized.get(0, 0, pixels);
      resized.release();
      java.util.Arrays.fill(one, 0f);
      Normalisation.writeChw(pixels, resizedWidth, height, HALF, HALF, one, width);
      System.arraycopy(one, 0, data, i * one.length, one.length);
    }
    return new OnnxNet.Tensor(data, new long[] {n, 3, height, width});
  }

  /** @return {@code min(ceil(height * w / h), maxWidth)} */
  static int resizedWidth(Mat crop, int height, int maxWidth) {
    double ratio = (double) crop.cols() / crop.rows();
    return (int) Math.min(Math.ceil(height * ratio), maxWidth);
  }
}
