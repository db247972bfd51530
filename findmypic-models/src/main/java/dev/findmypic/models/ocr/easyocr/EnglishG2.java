package dev.findmypic.models.ocr.easyocr;

/**
 * The constants of EasyOCR's generation-2 English recogniser ({@code english_g2}, from EasyOCR's {@code config.py}).
 */
final class EnglishG2 {
  /** The characters of classes 1 to 96 in order; class 0 is the CTC blank. */
  static final String CHARACTERS =
      "0123456789!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~ \u20acABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
  /** Input height in pixels. */
  static final int HEIGHT = 64;
  /** Channels out of the VGG feature extractor. */
  static final int FEATURES = 256;
  /** LSTM hidden size. */
  static final int HIDDEN = 256;

  private EnglishG2() {}
}
