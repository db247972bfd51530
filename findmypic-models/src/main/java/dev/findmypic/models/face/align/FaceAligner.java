package dev.findmypic.models.face.align;

import dev.findmypic.core.Picture;
import dev.findmypic.core.Point;
import java.nio.ByteBuffer;
import java.util.List;

/**
 * Face chips as dlib cuts them for its ResNet face descriptor: {@code get_face_chip_details(shape, 150, 0.25)} driven
 * by five landmarks (eyes, nose tip, mouth corners) instead of dlib's 68, then {@code extract_image_chip}'s bilinear
 * resampling, supersampled when the face is shrunk. Any embedder that needs aligned chips can reuse it.
 *
 * <p>The template points are dlib's mean face shape: the centres of iBUG-68 points 36–41 and 42–47 (the eyes), point
 * 30 (nose tip), 48 and 54 (mouth corners). Pixels outside the picture read as black, as in dlib.
 */
public final class FaceAligner {
  /** The chip size of dlib's face descriptor. */
  public static final int DLIB_CHIP_SIZE = 150;
  /** The padding of dlib's face descriptor chips, as a fraction of the face's size. */
  public static final double DLIB_PADDING = 0.25;

  /** Template x and y in unit face coordinates, in landmark order: left eye, right eye, nose, mouth left, right. */
  private static final double[] UNIT_X = {0.22549183333333334, 0.7547613333333333, 0.490127, 0.254149, 0.726104};
  private static final double[] UNIT_Y = {0.21599033333333337, 0.2159903333333333, 0.515625, 0.780233, 0.780233};

  private FaceAligner() {}

  /**
   * The transform of dlib's 150-pixel chip with padding 0.25.
   *
   * @param landmarks five points in {@link dev.findmypic.core.DetectedFace} order, in full-size image pixels
   * @return the chip-to-image transform
   */
  public static ChipTransform dlibTransform(List<Point> landmarks) {
    return transform(landmarks, DLIB_CHIP_SIZE, DLIB_PADDING);
  }

  /**
   * The least-squares similarity transform that maps the template's five points, scaled to a chip of {@code size}
   * pixels with {@code padding}, onto the landmarks (dlib's {@code find_similarity_transform}).
   *
   * @param landmarks five points in {@link dev.findmypic.core.DetectedFace} order, in full-size image pixels
   * @param size the chip's width and height in pixels
   * @param padding the margin around the face, as a fraction of the face's size (dlib's {@code padding})
   * @return the chip-to-image transform
   * @throws IllegalArgumentException if there are not five landmarks or they are all at one point
   */
  public static ChipTransform transform(List<Point> landmarks, int size, double padding) {
    if (landmarks.size() != 5) {
      throw new IllegalArgumentException("face alignment needs 5 landmarks, got " + landmarks.size());
    }
    double[] tx = new double[5];
    double[] ty = new double[5];
    for (int i = 0; i < 5; i++) {
      tx[i] = (padding + UNIT_X[i]) / (1 + 2 * padding) * size;
      ty[i] = (padding + UNIT_Y[i]) / (1 + 2 * padding) * size;
    }
    double mTx = mean(tx);
    double mTy = mean(ty);
    double mPx = 0;
    double mPy = 0;
    for (Point p : landmarks) {
      mPx += p.x();
      mPy += p.y();
    }
    mPx /= 5;
    mPy /= 5;
    double numA = 0;
    double numB = 0;
    double den = 0;
    for (int i = 0; i < 5; i++) {
      double sx = tx[i] - mTx;
      double sy = ty[i] - mTy;
      double dx = landmarks.get(i).x() - mPx;
      double dy = landmarks.get(i).y() - mPy;
      numA += sx * dx + sy * dy;
      numB += sx * dy - sy * dx;
      den += sx * sx + sy * sy;
    }
    double a = numA / den;
    double b = numB / den;
    if (!(a * a + b * b > 0)) {
      throw new IllegalArgumentException("landmarks do not span a face: " + landmarks);
    }
    return new ChipTransform(a, b, mPx - (a * mTx - b * mTy), mPy - (b * mTx + a * mTy));
  }

  private static double mean(double[] v) {
    double s = 0;
    for (double x : v) {
      s += x;
    }
    return s / v.length;
  }

  /**
   * Cuts a chip: each chip pixel averages {@code k × k} bilinear samples, {@code k = max(1, ceil(scale))}, then rounds
   * half up. The transform is in full-size image pixels; a picture decoded at a reduced scale is sampled accordingly.
   *
   * @param picture the picture
   * @param transform chip-to-image, in full-size image pixels
   * @param size the chip's width and height
   * @return the chip, {@code size × size} RGB, at scale 1
   */
  public static Picture extractChip(Picture picture, ChipTransform transform, int size) {
    double s = picture.scale();
    ChipTransform t = s == 1.0 ? transform : new ChipTransform(transform.a() * s, transform.b() * s,
        (transform.tx() + 0.5) * s - 0.5, (transform.ty() + 0.5) * s - 0.5);
    int k = Math.max(1, (int) Math.ceil(t.scale()));
    ByteBuffer rgb = picture.rgb();
    int width = picture.width();
    int height = picture.height();
    byte[] out = new byte[size * size * 3];
    double[] acc = new double[3];
    double[] sample = new double[3];
    for (int v = 0; v < size; v++) {
      for (int u = 0; u < size; u++) {
        acc[0] = 0;
        acc[1] = 0;
        acc[2] = 0;
        for (int sy = 0; sy < k; sy++) {
          for (int sx = 0; sx < k; sx++) {
            double uu = u + (sx + 0.5) / k - 0.5;
            double vv = v + (sy + 0.5) / k - 0.5;
            bilinear(rgb, width, height, t.imageX(uu, vv), t.imageY(uu, vv), sample);
            acc[0] += sample[0];
            acc[1] += sample[1];
            acc[2] += sample[2];
          }
        }
        int o = (v * size + u) * 3;
        for (int c = 0; c < 3; c++) {
          double value = Math.floor(acc[c] / (k * k) + 0.5);
          out[o + c] = (byte) Math.max(0, Math.min(255, (int) value));
        }
      }
    }
    return Picture.ofRgb(size, size, out);
  }

  private static void bilinear(ByteBuffer rgb, int width, int height, double x, double y, double[] out) {
    double x0 = Math.floor(x);
    double y0 = Math.floor(y);
    double fx = x - x0;
    double fy = y - y0;
    double w00 = (1 - fx) * (1 - fy);
    double w01 = fx * (1 - fy);
    double w10 = (1 - fx) * fy;
    double w11 = fx * fy;
    int c0 = (int) x0;
    int r0 = (int) y0;
    for (int c = 0; c < 3; c++) {
      out[c] = w00 * pixel(rgb, width, height, c0, r0, c) + w01 * pixel(rgb, width, height, c0 + 1, r0, c)
          + w10 * pixel(rgb, width, height, c0, r0 + 1, c) + w11 * pixel(rgb, width, height, c0 + 1, r0 + 1, c);
    }
  }

  private static double pixel(ByteBuffer rgb, int width, int height, int col, int row, int channel) {
    if (col < 0 || row < 0 || col >= width || row >= height) {
      return 0;
    }
    return rgb.get((row * width + col) * 3 + channel) & 0xFF;
  }
}
