package dev.findmypic.models.ocr.ppocr;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.opencv.core.Mat;

/**
 * PP-OCR's CRNN-style recogniser: crops sorted by aspect ratio and batched six at a time, each batch as wide as its
 * widest crop at height 48 (at least 320), then greedy CTC decoding.
 */
final class TextRecognizer {
  private static final int HEIGHT = 48;
  private static final int MIN_WIDTH = 320;
  private static final int BATCH = 6;

  private final OnnxNet net;
  private final CtcDecoder decoder;

  TextRecognizer(OnnxNet net, CtcDecoder decoder) {
    this.net = net;
    this.decoder = decoder;
  }

  /**
   * A recognised crop and the geometry needed to map time steps back to the crop's pixels.
   *
   * @param decoded the CTC result
   * @param inputWidth the batch's input width in pixels
   * @param resizedWidth this crop's width after resizing to height 48
   */
  record Recognized(CtcDecoder.Decoded decoded, int inputWidth, int resizedWidth) {}

  /** @return the number of classes the network scores at each time step, found by running it on a blank line */
  int classes() {
    OnnxNet.Tensor out = net.run(new OnnxNet.Tensor(new float[3 * HEIGHT * MIN_WIDTH],
        new long[] {1, 3, HEIGHT, MIN_WIDTH}));
    if (out.shape().length != 3) {
      throw new IllegalStateException("its output has shape " + java.util.Arrays.toString(out.shape())
          + ", not [batch, steps, classes]");
    }
    return (int) out.shape()[2];
  }

  List<Recognized> recognize(List<Mat> crops) {
    Integer[] order = new Integer[crops.size()];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    java.util.Arrays.sort(order, Comparator.comparingDouble(i -> (double) crops.get(i).cols() / crops.get(i).rows()));
    List<Recognized> results = new ArrayList<>(java.util.Collections.nCopies(crops.size(), null));
    for (int start = 0; start < order.length; start += BATCH) {
      List<Mat> batch = new ArrayList<>();
      double maxRatio = (double) MIN_WIDTH / HEIGHT;
      for (int k = start; k < Math.min(order.length, start + BATCH); k++) {
        Mat crop = crops.get(order[k]);
        batch.add(crop);
        maxRatio = Math.max(maxRatio, (double) crop.cols() / crop.rows());
      }
      int width = (int) (HEIGHT * maxRatio);
      OnnxNet.Tensor out = net.run(LineBatch.of(batch, HEIGHT, width));
      int steps = (int) out.shape()[1];
      int classes = (int) out.shape()[2];
      for (int k = 0; k < batch.size(); k++) {
        CtcDecoder.Decoded d = decoder.decode(out.data(), k * steps * classes, steps, classes);
        results.set(order[start + k], new Recognized(d, width, LineBatch.resizedWidth(batch.get(k), HEIGHT, width)));
      }
    }
    return results;
  }
}
