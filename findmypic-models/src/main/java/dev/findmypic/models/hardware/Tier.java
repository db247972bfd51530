package dev.findmypic.models.hardware;

import dev.findmypic.core.ModelRole;
import dev.findmypic.core.store.ModelRef;
import dev.findmypic.models.store.ModelCatalog;
import dev.findmypic.models.store.ModelSet;
import java.util.EnumMap;
import java.util.Map;

/**
 * The model tiers. Only CLIP changes with the hardware; all-MiniLM-L6-v2, FaceNet (VGGFace2) and EasyOCR English are
 * the same everywhere. Batch sizes grow with the GPU.
 */
public enum Tier {
  /** A GPU with 8 GB or more: CLIP ViT-L/14. */
  LARGE(ModelCatalog.CLIP_VIT_LARGE_PATCH14, new BatchSizes(64, 256, 64, 32)),
  /** A GPU with 4 to 8 GB: CLIP ViT-B/16. */
  BASE(ModelCatalog.CLIP_VIT_BASE_PATCH16, new BatchSizes(32, 128, 32, 16)),
  /** A smaller GPU or none: CLIP ViT-B/32; batch sizes that suit a few CPU cores. */
  SMALL(ModelCatalog.CLIP_VIT_BASE_PATCH32, new BatchSizes(8, 32, 8, 8));

  private final ModelRef.Hub clip;
  private final BatchSizes batchSizes;

  Tier(ModelRef.Hub clip, BatchSizes batchSizes) {
    this.clip = clip;
    this.batchSizes = batchSizes;
  }

  /** @return the tier's CLIP model */
  public ModelRef.Hub clip() {
    return clip;
  }

  /** @return the tier's batch sizes */
  public BatchSizes batchSizes() {
    return batchSizes;
  }

  /** @return the seed's models for every role in this tier */
  public Map<ModelRole, ModelSet> seeds() {
    Map<ModelRole, ModelSet> seeds = new EnumMap<>(ModelRole.class);
    for (ModelRole role : ModelRole.values()) {
      seeds.put(role, ModelCatalog.seed(role, clip));
    }
    return seeds;
  }
}
