package dev.findmypic.core.store;

import java.util.List;

/**
 * Finds models on local disk, fetching them on first use into the caches that the Python tools share (the Hugging
 * Face hub cache, torch hub, EasyOCR's directory), verifying them, and serving them offline from then on.
 *
 * <p>Implementations are thread-safe and safe across processes: two processes resolving one model at once end with
 * one good copy.
 */
public interface ModelStore {
  /**
   * Makes a model's files available locally, downloading what is missing unless offline.
   *
   * @param ref the model
   * @param listener hears download progress
   * @return the verified local files
   * @throws dev.findmypic.core.ModelException if the model cannot be had; the message names the model, the
   *     directories searched and the ways out
   */
  ResolvedModel resolve(ModelRef ref, DownloadListener listener);

  /**
   * Same as {@link #resolve(ModelRef, DownloadListener)} without progress reports.
   *
   * @param ref the model
   * @return the verified local files
   */
  default ResolvedModel resolve(ModelRef ref) {
    return resolve(ref, DownloadListener.NONE);
  }

  /**
   * Works out what {@link #resolve} would download, without downloading. Online it may ask the server for sizes.
   *
   * @param ref the model
   * @return the plan
   */
  ModelPlan plan(ModelRef ref);

  /** @return every model found in the caches this store manages, with its size */
  List<CachedModel> list();

  /**
   * Checks a cached model's files against their hashes, without network.
   *
   * @param ref the model
   * @return what is wrong, if anything
   */
  VerifyReport verify(ModelRef ref);

  /**
   * Deletes one model from the cache.
   *
   * @param ref the model
   */
  void remove(ModelRef ref);

  /** Deletes every model this store manages from the caches. */
  void clear();
}
