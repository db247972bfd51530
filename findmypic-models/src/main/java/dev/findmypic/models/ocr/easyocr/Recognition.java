package dev.findmypic.models.ocr.easyocr;

/**
 * What the recogniser read in one crop.
 *
 * @param text the decoded text, possibly empty
 * @param confidence EasyOCR's confidence, 0 to 1
 */
record Recognition(String text, double confidence) {}
