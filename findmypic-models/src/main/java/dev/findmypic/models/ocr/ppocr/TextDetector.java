package dev.findmypic.models.ocr.ppocr;

import java.util.ArrayList;
import java.util.List;
import org.opencv.core.Core;
import org.opencv.core.Mat;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;

/**
 * PP-OCR's DB text detector: resizes the image so its long side is at most the limit (each side a multiple of 32),
 * normalises it with the ImageNet mean and deviation (in PaddleOCR's BGR channel order), runs the network and turns
 * the probability map into boxes in the image's pixels, sorted into reading order.
 *
 * <p>One addition to PaddleOCR: an image whose short side is under {@value #SMALL} pixels (a word or a line cut
 * out of a photo) gets a replicated border of a fifth of that side, and is enlarged until the short side is
 * {@value #MIN_SIDE} pixels, because DB finds no text that touches the image's edge or is only a few pixels high.
 */
final class TextDetector {
  private static final float[] MEAN = {0.485f, 0.456f, 0.406f};
  private static final float[] STD = {0.229f, 0.224f, 0.225f};

  static final int SMALL = 160;
  static final int MIN_SIDE = 64;

  private final OnnxNet net;
  private final int limitSide;
  private final DbPostProcessor postProcessor;

  TextDetector(OnnxNet net, int limitSide, DbPostProcessor postProcessor) {
    this.net = net;
    this.limitSide = limitSide;
    this.postProcessor = postProcessor;
  }

  /**
   * Finds the text boxes.
   *
   * @param bgr the image, 8-bit BGR
   * @return the boxes in reading order, in the image's pixels
   */
  List<Quad> detect(Mat image) {
    int pad = Math.min(image.rows(), image.cols()) < SMALL
        ? Math.max(4, Math.min(image.rows(), image.cols()) / 5) : 0;
    Mat bgr = image;
    if (pad > 0) {
      bgr = new Mat();
      Core.copyMakeBorder(image, bgr, pad, pad, pad, pad, Core.BORDER_REPLICATE);
    }
    try {
      return ReadingOrder.sort(unpad(detectPadded(bgr), pad, image.cols(), image.rows()));
    } finally {
      if (pad > 0) {
        bgr.release();
      }
    }
  }

  private static List<Quad> unpad(List<Quad> boxes, int pad, int width, int height) {
    if (pad == 0) {
      return boxes;
    }
    List<Quad> out = new ArrayList<>(boxes.size());
    for (Quad q : boxes) {
      float[] xs = new float[4];
      float[] ys = new float[4];
      for (int k = 0; k < 4; k++) {
        xs[k] = Math.max(0, Math.min(width, q.x()[k] - pad));
        ys[k] = Math.max(0, Math.min(height, q.y()[k] - pad));
      }
      Quad inside = new Quad(xs, ys);
      if ((int) inside.topWidth() > 3 && (int) inside.leftHeight() > 3) {
        out.add(inside);
      }
    }
    return out;
  }

  private List<Quad> detectPadded(Mat bgr) {
    int h = bgr.rows();
    int w = bgr.cols();
    double ratio = Math.max(h, w) > limitSide ? (double) limitSide / Math.max(h, w) : 1.0;
    if (Math.min(h, w) < MIN_SIDE) {
      ratio = Math.min((double) MIN_SIDE / Math.min(h, w), (double) limitSide / Math.max(h, w));
    }
    int rh = Math.max((int) Math.round((int) (h * ratio) / 32.0) * 32, 32);
    int rw = Math.max((int) Math.round((int) (w * ratio) / 32.0) * 32, 32);
    Mat resized = new Mat();
    Imgproc.resize(bgr, resized, new Size(rw, rh));
    float[] input = Normalisation.chw(resized, MEAN, STD);
    resized.release();
    OnnxNet.Tensor prob = net.run(new OnnxNet.Tensor(input, new long[] {1, 3, rh, rw}));
    List<Quad> boxes = new ArrayList<>();
    for (Quad q : postProcessor.boxes(prob.data(), rw, rh, w, h)) {
      if ((int) q.topWidth() > 3 && (int) q.leftHeight() > 3) {
        boxes.add(q);
      }
    }
    return boxes;
  }
}
