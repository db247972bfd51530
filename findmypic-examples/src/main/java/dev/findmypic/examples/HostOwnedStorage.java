package dev.findmypic.examples;

import dev.findmypic.core.Embedder;
import dev.findmypic.core.Picture;
import dev.findmypic.index.vectors.Neighbor;
import dev.findmypic.index.vectors.VectorIndex;
import java.util.List;
import java.util.Map;

/**
 * The low-level pieces inside a DAM's own storage: the host keeps its assets and ids, FindMyPic only embeds and
 * finds neighbours. No catalogue, no data directory.
 */
public final class HostOwnedStorage {
  private final Embedder embedder;
  private final VectorIndex index;

  /**
   * Creates the search side of a host's asset store.
   *
   * @param embedder any embedder (CLIP from {@code ModelProvider.load().openEmbedder(ModelRole.CLIP, …)}, or your own)
   * @param expectedAssets how many assets the host expects; picks an exact scan or an HNSW graph
   */
  public HostOwnedStorage(Embedder embedder, int expectedAssets) {
    this.embedder = embedder;
    this.index = VectorIndex.create(embedder.info().dimension(), expectedAssets);
  }

  /**
   * Adds (or replaces) the host's assets, keyed by the host's own ids.
   *
   * @param assets asset id to decoded picture
   */
  public void put(Map<Long, Picture> assets) {
    List<Long> ids = List.copyOf(assets.keySet());
    List<float[]> vectors = embedder.embedImages(ids.stream().map(assets::get).toList());
    for (int i = 0; i < ids.size(); i++) {
      index.add(ids.get(i), vectors.get(i));
    }
  }

  /**
   * Finds the host's assets that best match a text.
   *
   * @param query the text
   * @param k how many
   * @return asset ids with their similarity, best first
   */
  public List<Neighbor> find(String query, int k) {
    return index.search(embedder.embedText(query), k, null);
  }
}
