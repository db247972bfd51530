package dev.findmypic.models;

import dev.findmypic.core.Embedder;
import dev.findmypic.core.FaceRecognizer;
import dev.findmypic.core.ModelException;
import dev.findmypic.core.ModelProvider;
import dev.findmypic.core.ModelRole;
import dev.findmypic.core.ModelSettings;
import dev.findmypic.core.OcrEngine;
import dev.findmypic.core.PhotoDecoder;
import dev.findmypic.core.store.ResolvedModel;
import dev.findmypic.models.clip.ClipEmbedder;
import dev.findmypic.models.hardware.ModelSetup;
import dev.findmypic.models.image.OpenCvPhotoDecoder;
import dev.findmypic.models.store.ModelChoice;
import dev.findmypic.models.store.StoreSettings;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * FindMyPic's own models on DJL, found by {@link java.util.ServiceLoader}. Each role's model is picked by the model
 * store's resolution order (an explicit choice, the seed's model in the shared caches, the seed's model downloaded,
 * the embedded class-path default), recorded in {@code config.json}, and opened lazily.
 *
 * <p>Thread-safe. Every analyser it opens is the caller's to close.
 */
public final class DjlModelProvider implements ModelProvider {
  private static final Logger LOG = LoggerFactory.getLogger(DjlModelProvider.class);

  private final PhotoDecoder decoder = new OpenCvPhotoDecoder();
  private final Map<List<Object>, ModelSetup> setups = new ConcurrentHashMap<>();

  /** Creates the provider; nothing is loaded until an analyser is opened. */
  public DjlModelProvider() {}

  @Override
  public Embedder openEmbedder(ModelRole role, ModelSettings settings) {
    ModelSetup setup = setup(settings);
    ResolvedModel model = resolve(setup, role).resolved().get(0);
    return switch (role) {
      case CLIP -> ClipEmbedder.open(model.directory(), model.ref().id(), model.revision(), settings.threads(),
          setup.config().batchSizes().clip());
      case TEXT -> SentenceEmbedders.open(model, settings.threads(), setup.config().batchSizes().text());
      default -> throw new IllegalArgumentException(role.key() + " is not an embedding role; use clip or text");
    };
  }

  @Override
  public FaceRecognizer openFaceRecognizer(ModelSettings settings) {
    return FaceRecognizers.open(resolve(setup(settings), ModelRole.FACES).resolved());
  }

  @Override
  public OcrEngine openOcrEngine(ModelSettings settings) {
    List<ResolvedModel> models = resolve(setup(settings), ModelRole.OCR).resolved();
    return OcrEngines.open(models);
  }

  @Override
  public PhotoDecoder photoDecoder() {
    return decoder;
  }

  private ModelSetup setup(ModelSettings settings) {
    return setups.computeIfAbsent(List.of(settings.dataDir(), settings.overrides(), settings.offline()), key -> {
      StoreSettings store = StoreSettings.fromEnvironment(settings.dataDir());
      return ModelSetup.open(settings.offline() ? store.withOffline(true) : store, settings.overrides());
    });
  }

  private static ModelChoice resolve(ModelSetup setup, ModelRole role) {
    ModelChoice choice = setup.resolve(role, (file, done, total) -> LOG.debug("{}: {} of {} bytes", file, done, total));
    if (!choice.available()) {
      throw new ModelException(choice.message());
    }
    LOG.info("{} model: {} ({})", role.key(), choice.models().name(), choice.source().name().toLowerCase());
    return choice;
  }
}
