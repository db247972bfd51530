/**
 * EasyOCR ({@code easyocr.Reader(['en']).readtext}) natively on DJL: the CRAFT detector and the generation-2 English
 * recogniser read from EasyOCR's own {@code craft_mlt_25k.pth} and {@code english_g2.pth}, with EasyOCR's
 * preprocessing, box post-processing, line grouping, crop preparation, contrast retry and greedy CTC decoding.
 * Entry point: {@link dev.findmypic.models.ocr.easyocr.EasyOcrEngine}.
 */
package dev.findmypic.models.ocr.easyocr;
