package dev.findmypic.models.ocr.easyocr;

/** Loads the OpenCV native library of {@code org.openpnp:opencv} once, before the first OpenCV call. */
final class OpenCvLibrary {
  static {
    nu.pattern.OpenCV.loadLocally();
  }

  private OpenCvLibrary() {}

  /** Makes sure the library is loaded; cheap after the first call. */
  static void load() {
    // the static initialiser does the work
  }
}
