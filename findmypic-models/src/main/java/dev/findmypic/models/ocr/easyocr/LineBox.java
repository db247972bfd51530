package dev.findmypic.models.ocr.easyocr;

/**
 * An axis-aligned text line in integer pixels, as EasyOCR's {@code horizontal_list} holds it (edges may lie outside
 * the image after the margin is added).
 *
 * @param xMin left edge
 * @param xMax right edge
 * @param yMin top edge
 * @param yMax bottom edge
 */
record LineBox(int xMin, int xMax, int yMin, int yMax) {}
