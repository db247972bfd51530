package dev.findmypic.models.ocr.ppocr;

import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.MatOfPoint2f;
import org.opencv.core.Point;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;

/**
 * PaddleOCR's {@code get_rotate_crop_image}: warps a box to an axis-aligned crop (cubic interpolation, replicated
 * border), turning it a quarter counter-clockwise when it is at least 1.5 times taller than wide.
 */
final class LineCropper {
  private LineCropper() {}

  static Mat crop(Mat image, Quad box) {
    int w = (int) box.width();
    int h = (int) box.height();
    MatOfPoint2f src = new MatOfPoint2f(
        new Point(box.x()[0], box.y()[0]), new Point(box.x()[1], box.y()[1]),
        new Point(box.x()[2], box.y()[2]), new Point(box.x()[3], box.y()[3]));
    MatOfPoint2f dst = new MatOfPoint2f(new Point(0, 0), new Point(w, 0), new Point(w, h), new Point(0, h));
    Mat transform = Imgproc.getPerspectiveTransform(src, dst);
    Mat out = new Mat(h, w, CvType.CV_8UC3);
    Imgproc.warpPerspective(image, out, transform, new Size(w, h), Imgproc.INTER_CUBIC, Core.BORDER_REPLICATE);
    src.release();
    dst.release();
    transform.release();
    if ((double) h / w >= 1.5) {
      Core.rotate(out, out, Core.ROTATE_90_COUNTERCLOCKWISE);
    }
    return out;
  }
}
