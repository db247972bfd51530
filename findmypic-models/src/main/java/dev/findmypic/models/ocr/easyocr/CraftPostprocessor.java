package dev.findmypic.models.ocr.easyocr;

import dev.findmypic.models.image.OpenCvNatives;
import dev.findmypic.core.Point;
import java.util.ArrayList;
import java.util.List;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.MatOfPoint2f;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;

/**
 * Turns CRAFT's score maps into word boxes as EasyOCR's {@code getDetBoxes} does (with {@code poly=False}): threshold
 * the region and link maps, take 4-connected components, keep those of at least 10 cells whose peak region score
 * reaches the text threshold, remove link-only cells, dilate, and fit a minimum-area rotated rectangle (an
 * axis-aligned one when it is nearly square).
 */
final class CraftPostprocessor {
  private final float textThreshold;
  private final float linkThreshold;
  private final float lowText;

  /**
   * @param textThreshold minimum peak region score of a word
   * @param linkThreshold link score above which a cell joins characters
   * @param lowText region score above which a cell belongs to a character
   */
  CraftPostprocessor(float textThreshold, float linkThreshold, float lowText) {
    this.textThreshold = textThreshold;
    this.linkThreshold = linkThreshold;
    this.lowText = lowText;
    OpenCvNatives.ensureLoaded();
  }

  /**
   * Finds the word boxes in score-map coordinates.
   *
   * @param maps the region and affinity maps
   * @return one box per word, in the order of their connected-component labels
   */
  List<Detection> boxes(ScoreMaps maps) {
    int w = maps.width();
    int h = maps.height();
    float[] text = maps.region();
    float[] link = maps.affinity();
    byte[] textOn = new byte[w * h];
    byte[] combined = new byte[w * h];
    for (int i = 0; i < combined.length; i++) {
      boolean t = text[i] > lowText;
      textOn[i] = (byte) (t ? 1 : 0);
      combined[i] = (byte) (t || link[i] > linkThreshold ? 1 : 0);
    }
    Mat binary = new Mat(h, w, CvType.CV_8U);
    Mat labelsMat = new Mat();
    Mat stats = new Mat();
    Mat centroids = new Mat();
    try {
      binary.put(0, 0, combined);
      int count = Imgproc.connectedComponentsWithStats(binary, labelsMat, stats, centroids, 4, CvType.CV_32S);
      int[] labels = new int[w * h];
      labelsMat.get(0, 0, labels);
      int[] stat = new int[count * 5];
      stats.get(0, 0, stat);
      float[] peak = new float[count];
      java.util.Arrays.fill(peak, Float.NEGATIVE_INFINITY);
      for (int i = 0; i < labels.length; i++) {
        peak[labels[i]] = Math.max(peak[labels[i]], text[i]);
      }
      List<Detection> out = new ArrayList<>();
      for (int k = 1; k < count; k++) {
        int size = stat[k * 5 + Imgproc.CC_STAT_AREA];
        if (size < 10 || peak[k] < textThreshold) {
          continue;
        }
        Component c = new Component(k, stat[k * 5 + Imgproc.CC_STAT_LEFT], stat[k * 5 + Imgproc.CC_STAT_TOP],
            stat[k * 5 + Imgproc.CC_STAT_WIDTH], stat[k * 5 + Imgproc.CC_STAT_HEIGHT], size);
        out.add(new Detection(box(c, labels, textOn, w, h), k));
      }
      return out;
    } finally {
      binary.release();
      labelsMat.release();
      stats.release();
      centroids.release();
    }
  }

  private static Quad box(Component c, int[] labels, byte[] textOn, int w, int h) {
    int niter = (int) (Math.sqrt((double) c.size * Math.min(c.width, c.height) / ((double) c.width * c.height)) * 2);
    int sx = Math.max(c.left - niter, 0);
    int sy = Math.max(c.top - niter, 0);
    int ex = Math.min(c.left + c.width + niter + 1, w);
    int ey = Math.min(c.top + c.height + niter + 1, h);
    int ww = ex - sx;
    int wh = ey - sy;
    byte[] seg = new byte[ww * wh];
    for (int y = c.top; y < c.top + c.height; y++) {
      for (int x = c.left; x < c.left + c.width; x++) {
        int i = y * w + x;
        // the component minus its link-only cells
        if (labels[i] == c.label && textOn[i] != 0) {
          seg[(y - sy) * ww + (x - sx)] = (byte) 255;
        }
      }
    }
    Mat window = new Mat(wh, ww, CvType.CV_8U);
    Mat kernel = Imgproc.getStructuringElement(Imgproc.MORPH_RECT, new Size(1 + niter, 1 + niter));
    try {
      window.put(0, 0, seg);
      Imgproc.dilate(window, window, kernel);
      window.get(0, 0, seg);
    } finally {
      window.release();
      kernel.release();
    }
    List<org.opencv.core.Point> points = new ArrayList<>();
    int l = Integer.MAX_VALUE;
    int r = Integer.MIN_VALUE;
    int t = Integer.MAX_VALUE;
    int b = Integer.MIN_VALUE;
    for (int y = 0; y < wh; y++) {
      for (int x = 0; x < ww; x++) {
        if (seg[y * ww + x] != 0) {
          int gx = x + sx;
          int gy = y + sy;
          points.add(new org.opencv.core.Point(gx, gy));
          l = Math.min(l, gx);
          r = Math.max(r, gx);
          t = Math.min(t, gy);
          b = Math.max(b, gy);
        }
      }
    }
    float[] corners = minAreaRectCorners(points);
    float bw = distance(corners, 0, 1);
    float bh = distance(corners, 1, 2);
    double ratio = Math.max(bw, bh) / (Math.min(bw, bh) + 1e-5);
    if (Math.abs(1 - ratio) <= 0.1) {
      corners = new float[] {l, t, r, t, r, b, l, b};
    }
    int start = 0;
    for (int i = 1; i < 4; i++) {
      if (corners[2 * i] + corners[2 * i + 1] < corners[2 * start] + corners[2 * start + 1]) {
        start = i;
      }
    }
    Point[] p = new Point[4];
    for (int i = 0; i < 4; i++) {
      int j = (i + start) % 4;
      p[i] = new Point(corners[2 * j], corners[2 * j + 1]);
    }
    return new Quad(p[0], p[1], p[2], p[3]);
  }

  private static float[] minAreaRectCorners(List<org.opencv.core.Point> points) {
    MatOfPoint2f mat = new MatOfPoint2f();
    Mat box = new Mat();
    try {
      mat.fromList(points);
      Imgproc.boxPoints(Imgproc.minAreaRect(mat), box);
      float[] corners = new float[8];
      box.get(0, 0, corners);
      return corners;
    } finally {
      mat.release();
      box.release();
    }
  }

  private static float distance(float[] c, int i, int j) {
    float dx = c[2 * i] - c[2 * j];
    float dy = c[2 * i + 1] - c[2 * j + 1];
    return (float) Math.sqrt(dx * dx + dy * dy);
  }

  /** One connected component's statistics. */
  private record Component(int label, int left, int top, int width, int height, int size) {}

  /**
   * A word box in score-map coordinates.
   *
   * @param box the corners
   * @param label the connected-component label it came from
   */
  record Detection(Quad box, int label) {}
}
