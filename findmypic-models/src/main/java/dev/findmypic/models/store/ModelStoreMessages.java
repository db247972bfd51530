package dev.findmypic.models.store;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/** The texts that the store shows when a model cannot be had, written once so every source says the same. */
final class ModelStoreMessages {
  private ModelStoreMessages() {}

  /** @return the three ways to get a model onto a machine that cannot download it */
  static String waysOut() {
    return "Three ways out: (1) pre-download while online: run `findmypic models pull` (or call "
        + "ModelStore.resolve from Java) on this machine once it has a network; (2) use a mirror that this network "
        + "allows: set HF_ENDPOINT (for example HF_ENDPOINT=https://hf-mirror.com); (3) copy a cache from another "
        + "machine that has the model: its $HF_HUB_CACHE (~/.cache/huggingface/hub), $TORCH_HOME (~/.cache/torch) "
        + "and ~/.EasyOCR/model, into the same places here.";
  }

  /**
   * @param model the model id
   * @param searched the directories that were looked in
   * @param why what was missing
   * @return the message of a {@link ModelNotCachedException}
   */
  static String notCachedOffline(String model, List<Path> searched, String why) {
    return "model " + model + " is not available offline: " + why + ". Searched: "
        + searched.stream().map(Path::toString).collect(Collectors.joining(", "))
        + ". The store is offline (HF_HUB_OFFLINE=1 or the offline setting), so it made no network request. "
        + waysOut();
  }
}
