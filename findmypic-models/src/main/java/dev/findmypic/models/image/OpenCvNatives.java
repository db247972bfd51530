package dev.findmypic.models.image;

/**
 * Loads OpenCV's native library from the {@code org.openpnp:opencv} jar once per JVM, as DJL's OpenCV extension does.
 */
public final class OpenCvNatives {
  private OpenCvNatives() {}

  private static final class Holder {
    static {
      nu.pattern.OpenCV.loadLocally();
    }

    static void touch() {}
  }

  /** Loads the native library if this JVM has not yet. Thread-safe and cheap after the first call. */
  public static void ensureLoaded() {
    Holder.touch();
  }
}
