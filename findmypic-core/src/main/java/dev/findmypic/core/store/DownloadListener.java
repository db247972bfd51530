package dev.findmypic.core.store;

/** Hears about download progress, for progress bars. Called from the downloading thread. */
@FunctionalInterface
public interface DownloadListener {
  /** A listener that ignores everything. */
  DownloadListener NONE = (file, done, total) -> {};

  /**
   * Reports progress on one file.
   *
   * @param file the file's path inside the model
   * @param bytesDone bytes on disk so far, including any resumed part
   * @param bytesTotal the file's size, or -1 if unknown
   */
  void onProgress(String file, long bytesDone, long bytesTotal);
}
