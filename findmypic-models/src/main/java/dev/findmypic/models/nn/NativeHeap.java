package dev.findmypic.models.nn;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Platform;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands the memory that native code has freed back to the operating system, on Linux with glibc; elsewhere it does
 * nothing.
 *
 * <p>Building a model frees as much as it keeps: checkpoint tensors are copied, scaled and fused, and the originals
 * freed. glibc keeps such freed blocks in its arenas, where they stay resident for the life of the process unless
 * later allocations happen to fit them. After loading CLIP ViT-B/32's image tower, 138 MB were free in the arenas
 * and never reused (benchmarks/pipeline/RESULTS.md); {@code malloc_trim(0)} returns every free page.
 */
final class NativeHeap {
  private static final Logger LOG = LoggerFactory.getLogger(NativeHeap.class);
  private static volatile CLibrary libc = open();

  private NativeHeap() {}

  /** The glibc function this class calls. */
  interface CLibrary extends Library {
    /**
     * Returns the free memory at the top of the heap, and every free whole page inside the arenas, to the system.
     *
     * @param pad bytes to leave untrimmed at the top of the main heap
     * @return 1 if memory was returned, 0 if not
     */
    int malloc_trim(long pad);
  }

  /** Returns freed native memory to the operating system where the C library can. Thread-safe; takes milliseconds. */
  static void releaseFreed() {
    CLibrary c = libc;
    if (c == null) {
      return;
    }
    try {
      c.malloc_trim(0);
    } catch (UnsatisfiedLinkError | RuntimeException e) {
      LOG.debug("malloc_trim is not available ({}); freed native memory stays with the C library", e.toString());
      libc = null;
    }
  }

  private static CLibrary open() {
    if (!Platform.isLinux()) {
      return null;
    }
    try {
      return Native.load("c", CLibrary.class);
    } catch (UnsatisfiedLinkError | RuntimeException e) {
      LOG.debug("cannot load the C library ({}); freed native memory stays with it", e.toString());
      return null;
    }
  }
}
