package dev.findmypic.models.face.yunet;

import dev.findmypic.core.ModelException;

/** Loads OpenCV's native library (openpnp's bundled build) once per JVM. */
final class OpenCvNatives {
  private OpenCvNatives() {}

  private static final class Holder {
    private static final Throwable FAILURE = load();

    private static Throwable load() {
      try {
        nu.pattern.OpenCV.loadLocally();
        return null;
      } catch (RuntimeException | LinkageError e) {
        return e;
      }
    }
  }

  /**
   * Makes sure the native library is loaded.
   *
   * @throws ModelException if it cannot be loaded on this platform
   */
  static void ensureLoaded() {
    Throwable failure = Holder.FAILURE;
    if (failure != null) {
      throw new ModelException("cannot load OpenCV's native library (org.openpnp:opencv 4.9.0) on "
          + System.getProperty("os.name") + "/" + System.getProperty("os.arch") + ": " + failure, failure);
    }
  }
}
