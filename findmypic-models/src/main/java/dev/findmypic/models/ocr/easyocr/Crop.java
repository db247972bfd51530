package dev.findmypic.models.ocr.easyocr;

import dev.findmypic.core.Point;
import java.util.List;

/**
 * A grey text crop scaled to the recogniser's height, with the box it came from.
 *
 * @param box the crop's corners in picture pixels, as {@code readtext} reports them
 * @param grey grey levels, row-major
 * @param width the crop's width
 * @param height the crop's height (64, or more for a vertical crop, which {@code AlignCollate} squeezes)
 * @param paddedWidth the width EasyOCR pads this crop to: 64 times the rounded-up aspect ratio
 */
record Crop(List<Point> box, byte[] grey, int width, int height, int paddedWidth) {
  /** Copies the box. */
  Crop {
    box = List.copyOf(box);
  }
}
